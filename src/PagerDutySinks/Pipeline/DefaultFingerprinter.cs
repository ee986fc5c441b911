namespace PagerDutySinks.Pipeline;

/// <summary>Chooses the fingerprinter a pipeline uses by default.</summary>
internal static class DefaultFingerprinter
{
    public static IAlertFingerprinter Create(AlertPipelineOptions options) => new FallbackFingerprinter();
}
