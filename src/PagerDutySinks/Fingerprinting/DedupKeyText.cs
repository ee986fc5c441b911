using System.Text;

namespace PagerDutySinks.Fingerprinting;

// Builds readable, versioned dedup keys that always fit PagerDuty's 255-character limit.
internal static class DedupKeyText
{
    public const string Version = "v1";
    public const int MaxLength = 255;
    private const int MaxTypeLength = 64;
    private const int MaxFrameLength = 120;
    private const int MaxCategoryLength = 160;

    public static string ForException(string exceptionType, string? topFrame, string hash) =>
        Join(Version, KeepEnd(exceptionType, MaxTypeLength), KeepEnd(topFrame ?? "", MaxFrameLength), hash);

    public static string ForTemplate(string category, string hash) =>
        Join(Version, "tmpl", KeepEnd(category, MaxCategoryLength), hash);

    private static string Join(string a, string b, string c, string d)
    {
        var builder = new StringBuilder(a.Length + b.Length + c.Length + d.Length + 3);
        builder.Append(a).Append('|').Append(b).Append('|').Append(c).Append('|').Append(d);
        return builder.Length <= MaxLength ? builder.ToString() : builder.ToString(0, MaxLength);
    }

    // The end of a dotted name is the most specific part (`...Checkout.Place`), so long names lose their start.
    // '|' separates the key's fields and control characters have no business in a key.
    private static string KeepEnd(string value, int maxLength)
    {
        if (value.Length <= maxLength && !NeedsReplacing(value))
        {
            return value;
        }

        var start = value.Length > maxLength ? value.Length - maxLength + 1 : 0;
        if (start > 0 && start < value.Length && char.IsLowSurrogate(value[start]))
        {
            start++;
        }

        var builder = new StringBuilder(maxLength);
        if (start > 0)
        {
            builder.Append('~');
        }

        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            builder.Append(c == '|' || char.IsControl(c) ? '_' : c);
        }

        return builder.ToString();
    }

    private static bool NeedsReplacing(string value)
    {
        foreach (var c in value)
        {
            if (c == '|' || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
