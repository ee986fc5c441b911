using System;
using System.IO.Hashing;
using System.Text;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// Coarse keys from type names and templates only, used when the stack-based fingerprinter is unavailable or fails.
/// </summary>
internal sealed class FallbackFingerprinter : IAlertFingerprinter
{
    public AlertIdentity ForException(Exception exception)
    {
        var type = exception.GetType().FullName ?? exception.GetType().Name;
        return new AlertIdentity("v1|" + exception.GetType().Name + "||" + Hash(type), type);
    }

    public AlertIdentity ForTemplate(string? messageTemplate, string? category)
    {
        var template = messageTemplate ?? "";
        var source = category ?? "";
        return new AlertIdentity(Events.EventLimits.BoundDedupKey("v1|tmpl|" + source + "|" + Hash(template + "\n" + source)), template);
    }

    private static string Hash(string text)
    {
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(text));
        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
