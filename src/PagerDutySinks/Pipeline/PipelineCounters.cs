namespace PagerDutySinks.Pipeline;

/// <summary>
/// The pipeline's counters. <see cref="Enqueued"/> and <see cref="Dropped"/> are written by logging threads with
/// Interlocked; every other field only under the pipeline's lock.
/// </summary>
internal sealed class PipelineCounters
{
    public long Enqueued;
    public long Dropped;
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
