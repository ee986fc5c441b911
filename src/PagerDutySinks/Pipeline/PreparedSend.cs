using System;
using System.Collections.Generic;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>One storm member as listed in a storm alert.</summary>
internal readonly struct StormMember
{
    public StormMember(string dedupKey, AlertCandidate latest, long occurrences, DateTimeOffset firstSeen, DateTimeOffset lastSeen)
    {
        DedupKey = dedupKey;
        Latest = latest;
        Occurrences = occurrences;
        FirstSeen = firstSeen;
        LastSeen = lastSeen;
    }

    public string DedupKey { get; }

    public AlertCandidate Latest { get; }

    public long Occurrences { get; }

    public DateTimeOffset FirstSeen { get; }

    public DateTimeOffset LastSeen { get; }
}

/// <summary>A consistent copy of what an event needs, taken under the lock so the event can be built outside it.</summary>
internal sealed class PreparedSend
{
    public PreparedSend(SendItem item, EventAction action, string dedupKey)
    {
        Item = item;
        Action = action;
        DedupKey = dedupKey;
    }

    public SendItem Item { get; }

    public EventAction Action { get; }

    public string DedupKey { get; }

    public AlertCandidate? Candidate { get; init; }

    public string? Signature { get; init; }

    public Severity Severity { get; init; }

    public long Occurrences { get; init; }

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset LastSeen { get; init; }

    /// <summary>For storm alerts: the listed members.</summary>
    public IReadOnlyList<StormMember>? StormMembers { get; init; }

    /// <summary>For storm alerts: how many distinct keys joined, listed or not.</summary>
    public int StormMemberCount { get; init; }

    /// <summary>Candidates dropped since the last event that reported drops; set by the dispatcher for triggers.</summary>
    public long DroppedEvents { get; set; }
}
