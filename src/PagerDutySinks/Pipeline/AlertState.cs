using System;
using System.Collections.Generic;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// What the pipeline knows about one dedup key (or one alert storm) between its trigger and its resolve. A new object is
/// made for each trigger after a resolve or eviction, so queued work can tell whether it still applies.
/// </summary>
internal sealed class AlertState
{
    public AlertState(string dedupKey, string? signature, AlertCandidate latest, Severity severity, DateTimeOffset now)
    {
        DedupKey = dedupKey;
        Signature = signature;
        Latest = latest;
        Severity = severity;
        FirstSeen = latest.Timestamp;
        LastSeen = latest.Timestamp;
        Occurrences = 1;
        TriggeredAt = now;
        LastEventAt = now;
        LastOccurrenceAt = now;
    }

    public string DedupKey { get; }

    public string? Signature { get; set; }

    /// <summary>The latest occurrence; its message and properties go into updates.</summary>
    public AlertCandidate Latest { get; set; }

    public Severity Severity { get; set; }

    /// <summary>Occurrences since the trigger (candidate timestamps bound them).</summary>
    public long Occurrences { get; set; }

    /// <summary>Occurrences not yet carried by any event.</summary>
    public long UnsentOccurrences { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    /// <summary>Pipeline clock: when the current trigger was queued (repeat interval).</summary>
    public DateTimeOffset TriggeredAt { get; set; }

    /// <summary>Pipeline clock: when the last trigger or update was queued (update interval).</summary>
    public DateTimeOffset LastEventAt { get; set; }

    /// <summary>Pipeline clock: the last occurrence (auto-resolve quiet period).</summary>
    public DateTimeOffset LastOccurrenceAt { get; set; }

    /// <summary>Still open: not resolved, not forgotten.</summary>
    public bool Open { get; set; } = true;

    /// <summary>Its own trigger was queued (it is not only a storm member), so a resolve is due when it goes quiet.</summary>
    public bool PagedOnItsOwn { get; set; }

    /// <summary>The trigger still waiting in the send queue, which a storm may withdraw.</summary>
    public SendItem? QueuedTrigger { get; set; }

    public bool UpdateScheduled { get; set; }

    public DateTimeOffset UpdateDueAt { get; set; }

    public bool UpdateQueued { get; set; }

    /// <summary>The storm this key was folded into; its occurrences update the storm alert instead.</summary>
    public AlertState? Storm { get; set; }

    /// <summary>For a storm alert: its members, in order of appearance (bounded; see <see cref="StormMemberCount"/>).</summary>
    public List<AlertState>? StormMembers { get; set; }

    public int StormMemberCount { get; set; }

    public bool IsStorm => StormMembers is not null;

    public LinkedListNode<AlertState>? LruNode { get; set; }
}
