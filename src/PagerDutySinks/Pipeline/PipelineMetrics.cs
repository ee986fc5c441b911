using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// The pipeline's <see cref="System.Diagnostics.Metrics"/> instruments, on a meter named <c>PagerDutySinks</c>. Never tagged
/// with the routing key: a secret has no place in a metrics backend.
/// </summary>
internal sealed class PipelineMetrics : IDisposable
{
    public const string MeterName = "PagerDutySinks";

    private static readonly KeyValuePair<string, object?> TriggerTag = new("action", "trigger");
    private static readonly KeyValuePair<string, object?> AcknowledgeTag = new("action", "acknowledge");
    private static readonly KeyValuePair<string, object?> ResolveTag = new("action", "resolve");

    public PipelineMetrics()
    {
        Meter = new Meter(MeterName, typeof(PipelineMetrics).Assembly.GetName().Version?.ToString());
        Enqueued = Meter.CreateCounter<long>("pagerduty.alerts.enqueued", "{candidate}", "Log events accepted into the alert buffer.");
        Dropped = Meter.CreateCounter<long>("pagerduty.alerts.dropped", "{candidate}", "Log events dropped because the alert buffer was full or the pipeline stopped.");
        Coalesced = Meter.CreateCounter<long>("pagerduty.alerts.coalesced", "{candidate}", "Log events folded into an open alert instead of being sent on their own.");
        Sent = Meter.CreateCounter<long>("pagerduty.alerts.sent", "{event}", "Events accepted by PagerDuty, by action.");
        Throttled = Meter.CreateCounter<long>("pagerduty.alerts.throttled", "{event}", "Events that could not be sent within the rate limit.");
        Failed = Meter.CreateCounter<long>("pagerduty.alerts.failed", "{event}", "Events that could not be delivered after retries.");
        Rejected = Meter.CreateCounter<long>("pagerduty.alerts.rejected", "{event}", "Events PagerDuty rejected as invalid.");
    }

    /// <summary>This pipeline's meter (one per pipeline, so listeners can tell pipelines apart).</summary>
    public Meter Meter { get; }

    public Counter<long> Enqueued { get; }

    public Counter<long> Dropped { get; }

    public Counter<long> Coalesced { get; }

    public Counter<long> Sent { get; }

    public Counter<long> Throttled { get; }

    public Counter<long> Failed { get; }

    public Counter<long> Rejected { get; }

    public void RecordSent(EventAction action) => Sent.Add(1, action switch
    {
        EventAction.Acknowledge => AcknowledgeTag,
        EventAction.Resolve => ResolveTag,
        _ => TriggerTag,
    });

    public void Dispose() => Meter.Dispose();
}
