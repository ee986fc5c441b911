using System;

namespace PagerDutySinks.Pipeline;

/// <summary>Calls the user's diagnostics callback, which must never be able to break the pipeline.</summary>
internal sealed class DiagnosticsReporter
{
    private readonly Action<PagerDutyDiagnostic>? _callback;

    public DiagnosticsReporter(Action<PagerDutyDiagnostic>? callback) => _callback = callback;

    public void Report(PagerDutyDiagnostic diagnostic)
    {
        if (_callback is null)
        {
            return;
        }

        try
        {
            _callback(diagnostic);
        }
#pragma warning disable CA1031 // the callback is user code; its failure is not the pipeline's
        catch (Exception)
#pragma warning restore CA1031
        {
            // Nowhere safer to report to: logging it could loop back into this pipeline.
        }
    }
}
