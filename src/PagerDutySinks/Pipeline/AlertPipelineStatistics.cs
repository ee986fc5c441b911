namespace PagerDutySinks.Pipeline;

/// <summary>
/// A snapshot of a pipeline's counters. Candidates below the minimum level are turned away by a bare level check and not
/// counted; every other candidate offered is either <see cref="Enqueued"/> or <see cref="Dropped"/>. Nothing is lost
/// silently: <c>Enqueued + Generated = Filtered + Coalesced + Sent + Rejected + Failed + Superseded + NotDelivered + Pending</c>
/// (<see cref="LossAccountingHolds"/>), where a candidate that pages on its own is one event and <see cref="Generated"/>
/// counts the events the pipeline makes itself (updates, storm alerts, automatic resolves).
/// </summary>
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

    /// <summary>Times a send waited for the rate limit, plus sends that ended throttled (those also count as <see cref="Failed"/>).</summary>
    public long Throttled { get; init; }

    /// <summary>Storm alerts sent.</summary>
    public long StormAlerts { get; init; }

    /// <summary>Events waiting to be sent, including the one being sent.</summary>
    public long Pending { get; init; }

    /// <summary>Candidates buffered but never meant to page: an ignored category, or an acknowledge/resolve without a dedup key.</summary>
    public long Filtered { get; init; }

    /// <summary>Events the pipeline made itself rather than from one candidate: updates, storm alerts and automatic resolves.</summary>
    public long Generated { get; init; }

    /// <summary>Events withdrawn before sending because a later event made them moot (a trigger folded into a storm alert, an update overtaken by a resolve).</summary>
    public long Superseded { get; init; }

    /// <summary>Events abandoned at shutdown because the timeout expired first (reported as <see cref="PagerDutyDiagnosticKind.NotDelivered"/>).</summary>
    public long NotDelivered { get; init; }

    /// <summary>Candidates taken from the buffer by the consumer so far.</summary>
    public long Processed { get; init; }

    /// <summary>
    /// Whether the counters balance: <c>Enqueued + Generated = Filtered + Coalesced + Sent + Rejected + Failed + Superseded + NotDelivered + Pending</c>.
    /// Exact whenever the buffer is empty and the consumer is not mid-candidate (for example after a flush).
    /// </summary>
    public bool LossAccountingHolds =>
        Enqueued + Generated == Filtered + Coalesced + Sent + Rejected + Failed + Superseded + NotDelivered + Pending + (Enqueued - Processed);

    /// <inheritdoc />
    public override string ToString() =>
        $"enqueued={Enqueued} dropped={Dropped} filtered={Filtered} coalesced={Coalesced} generated={Generated} sent={Sent} " +
        $"rejected={Rejected} failed={Failed} throttled={Throttled} superseded={Superseded} notDelivered={NotDelivered} " +
        $"pending={Pending} storms={StormAlerts}";
}
