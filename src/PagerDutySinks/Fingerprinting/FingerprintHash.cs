using System.IO.Hashing;
using System.Text;

namespace PagerDutySinks.Fingerprinting;

// XxHash128 over UTF-8: stable across processes, platforms and runtime versions, unlike string.GetHashCode.
internal static class FingerprintHash
{
    private const string HexDigits = "0123456789abcdef";

    public static string ToHex(string canonical)
    {
        var hash = XxHash128.Hash(Encoding.UTF8.GetBytes(canonical));
        var chars = new char[hash.Length * 2];
        for (var i = 0; i < hash.Length; i++)
        {
            chars[2 * i] = HexDigits[hash[i] >> 4];
            chars[(2 * i) + 1] = HexDigits[hash[i] & 0xF];
        }

        return new string(chars);
    }
}
