using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PagerDutySinks.Emulator;

/// <summary>
/// OpenAPI's <c>date-time</c> (RFC 3339), also accepting an offset without a colon (<c>+0000</c>) because PagerDuty's
/// own examples use that form.
/// </summary>
internal static partial class Rfc3339Timestamp
{
    public static bool IsValid(string value)
    {
        var match = Pattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);

        if (match.Groups["sign"].Success && (Part("oh") > 23 || Part("om") > 59))
        {
            return false;
        }

        // A leap second (:60) is valid RFC 3339 but not representable; its neighbour is checked instead.
        var second = Math.Min(Part("s"), 59);
        if (Part("s") > 60)
        {
            return false;
        }

        try
        {
            _ = new DateTime(Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), second, DateTimeKind.Unspecified);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})[Tt ](?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(\.\d+)?([Zz]|(?<sign>[+-])(?<oh>\d{2}):?(?<om>\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
