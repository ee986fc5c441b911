namespace PagerDutySinks.Pipeline;

/// <summary>
/// The background loops' counters, written only under the pipeline's lock (the logging threads' counts live in
/// <see cref="AlertIntake"/>).
/// </summary>
internal sealed class PipelineCounters
{
    public long Processed;
    public long Filtered;
    public long Coalesced;
    public long Generated;
    public long Sent;
    public long Rejected;
    public long Failed;
    public long Throttled;
    public long Superseded;
    public long NotDelivered;
    public long StormAlerts;
}
