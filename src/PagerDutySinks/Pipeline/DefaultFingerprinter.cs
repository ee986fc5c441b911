using System;
using PagerDutySinks.Fingerprinting;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// The pipeline's fingerprinter: stack-based exception fingerprints with the options' in-app rules, and template
/// fingerprints from template and category.
/// </summary>
internal sealed class DefaultFingerprinter : IAlertFingerprinter
{
    private readonly ExceptionFingerprinter _exceptions;

    private DefaultFingerprinter(ExceptionFingerprinter exceptions) => _exceptions = exceptions;

    public static IAlertFingerprinter Create(AlertPipelineOptions options) =>
        new DefaultFingerprinter(new ExceptionFingerprinter(options.InAppInclude, options.InAppExclude));

    public AlertIdentity ForException(Exception exception)
    {
        var fingerprint = _exceptions.Compute(exception);
        return new AlertIdentity(fingerprint.DedupKey, fingerprint.Signature);
    }

    public AlertIdentity ForTemplate(string? messageTemplate, string? category)
    {
        var fingerprint = TemplateFingerprint.Compute(messageTemplate, category);
        return new AlertIdentity(fingerprint.DedupKey, fingerprint.Signature);
    }
}
