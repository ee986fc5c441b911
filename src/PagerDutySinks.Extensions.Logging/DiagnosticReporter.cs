using System;
using System.Diagnostics;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>
/// Where the provider's problems go. Never the logging system itself: a failed alert logged as an error would page again.
/// Subscribers of the <c>PagerDutySinks</c> <see cref="DiagnosticListener"/> receive them as <c>PagerDutySinks.Diagnostic</c>.
/// </summary>
internal static class DiagnosticReporter
{
    public const string ListenerName = "PagerDutySinks";
    public const string EventName = "PagerDutySinks.Diagnostic";

    private static readonly DiagnosticListener Listener = new(ListenerName);

    public static void Report(PagerDutyDiagnostic diagnostic, Action<PagerDutyDiagnostic>? callback)
    {
        try
        {
            if (Listener.IsEnabled(EventName))
            {
                Listener.Write(EventName, diagnostic);
            }

            callback?.Invoke(diagnostic);
        }
#pragma warning disable CA1031 // A faulty subscriber must not break logging or the pipeline.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
