namespace PagerDutySinks.Fingerprinting;

/// <summary>
/// Fingerprints a log event without an exception by its message template and category, so rendered values
/// (ids, amounts, names) never split one problem into many alerts.
/// </summary>
public static class TemplateFingerprint
{
    /// <summary>Computes <c>v1|tmpl|&lt;category&gt;|&lt;hash of template and category&gt;</c>.</summary>
    /// <param name="messageTemplate">The message template (not the rendered message).</param>
    /// <param name="category">The logger category or source context.</param>
    /// <returns>The fingerprint; <see cref="Fingerprint.ExceptionType"/> is <see langword="null"/>.</returns>
    public static Fingerprint Compute(string? messageTemplate, string? category)
    {
        var template = messageTemplate ?? "";
        var source = category ?? "";

        // Length-prefixing keeps ("a\nb", "c") and ("a", "b\nc") apart.
        var canonical = DedupKeyText.Version + "\ntmpl\n" + source.Length + ":" + source + "\n" + template;
        var hash = FingerprintHash.ToHex(canonical);
        return new Fingerprint(DedupKeyText.ForTemplate(source, hash), template, null, null);
    }
}
