using System.Text.RegularExpressions;
using PagerDutySinks.Fingerprinting;

namespace PagerDutySinks.Tests.Fingerprinting;

internal static partial class FingerprintAssert
{
    [GeneratedRegex("^v1\\|[^|]+\\|[^|]*\\|[0-9a-f]{32}$")]
    private static partial Regex ExceptionKeyPattern();

    public static void WellFormedExceptionKey(string key)
    {
        Assert.True(key.Length <= 255, $"Key longer than 255 characters: {key}");
        Assert.Matches(ExceptionKeyPattern(), key);
    }

    public static void WellFormed(Fingerprint fingerprint) => WellFormedExceptionKey(fingerprint.DedupKey);

    // The `ExceptionType` field of a key.
    public static string TypePart(string key) => key.Split('|')[1];
}
