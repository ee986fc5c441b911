using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>Send order under the rate limit: what a responder most needs to see first.</summary>
internal enum SendPriority
{
    NewCritical = 0,
    NewTrigger = 1,
    Action = 2,
    Update = 3,
}

/// <summary>What kind of event a queued item becomes.</summary>
internal enum SendKind
{
    /// <summary>The first occurrence of a key, or its repeat after the repeat interval.</summary>
    Trigger,

    /// <summary>A trigger with the same dedup key, carrying occurrences since.</summary>
    Update,

    /// <summary>A storm alert's trigger or update.</summary>
    Storm,

    /// <summary>An acknowledge or resolve asked for by a candidate.</summary>
    ExplicitAction,

    /// <summary>A resolve after the quiet period.</summary>
    AutoResolve,
}

/// <summary>One entry of the send queue. The event itself is built when it is dequeued, with the latest state.</summary>
internal sealed class SendItem
{
    public SendItem(SendKind kind, SendPriority priority, AlertState? state, string dedupKey, AlertCandidate? owner, EventAction action)
    {
        Kind = kind;
        Priority = priority;
        State = state;
        DedupKey = dedupKey;
        Owner = owner;
        Action = action;
    }

    public SendKind Kind { get; }

    public SendPriority Priority { get; }

    public AlertState? State { get; }

    public string DedupKey { get; }

    /// <summary>The candidate that is this event (first triggers, repeats, explicit actions); <see langword="null"/> for generated events.</summary>
    public AlertCandidate? Owner { get; }

    public EventAction Action { get; }

    /// <summary>Withdrawn while queued (and already counted as superseded).</summary>
    public bool Withdrawn { get; set; }
}
