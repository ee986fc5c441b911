namespace PagerDutySinks.Pipeline;

/// <summary>A snapshot of a pipeline's counters. Logged = sent + coalesced + dropped + rejected + failed + pending, per candidate.</summary>
public sealed class AlertPipelineStatistics
{
    /// <summary>Candidates accepted into the buffer.</summary>
    public long Enqueued { get; init; }

    /// <summary>Candidates dropped because the buffer was full.</summary>
    public long Dropped { get; init; }

    /// <summary>Candidates folded into an existing alert (counted, not sent on their own).</summary>
    public long Coalesced { get; init; }

    /// <summary>Events accepted by PagerDuty.</summary>
    public long Sent { get; init; }

    /// <summary>Events rejected by PagerDuty (400).</summary>
    public long Rejected { get; init; }

    /// <summary>Events that failed after retries.</summary>
    public long Failed { get; init; }

    /// <summary>Times a send waited for the rate limit.</summary>
    public long Throttled { get; init; }

    /// <summary>Storm alerts sent.</summary>
    public long StormAlerts { get; init; }

    /// <summary>Events waiting to be sent.</summary>
    public long Pending { get; init; }
}
