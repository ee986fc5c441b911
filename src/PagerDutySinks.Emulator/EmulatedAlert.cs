using System;
using System.Collections.Generic;

namespace PagerDutySinks.Emulator;

/// <summary>The status of an emulated alert.</summary>
public enum AlertStatus
{
    /// <summary>Open and not yet acknowledged.</summary>
    Triggered,

    /// <summary>Acknowledged.</summary>
    Acknowledged,

    /// <summary>Resolved; a later trigger with the same dedup key opens a new alert.</summary>
    Resolved,
}

/// <summary>An alert as the emulator holds it. <see cref="PagerDutyEmulator.Alerts"/> hands out copies, so a copy never changes under a test.</summary>
public sealed class EmulatedAlert
{
    /// <summary>A unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The routing key it was sent to (masked when shown).</summary>
    public required string RoutingKey { get; init; }

    /// <summary>Its dedup key.</summary>
    public required string DedupKey { get; init; }

    /// <summary>Its status.</summary>
    public AlertStatus Status { get; set; }

    /// <summary>The summary of the latest trigger.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The severity of the latest trigger.</summary>
    public string Severity { get; set; } = "";

    /// <summary>When it was opened.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was acknowledged (the latest time), if it was.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>When it was resolved, if it was.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The events applied to it (the first trigger, later triggers, acknowledge, resolve), oldest first.</summary>
    public List<ReceivedEvent> LogEntries { get; } = new();

    /// <summary>How many triggers it received (the first one included).</summary>
    public int TriggerCount => LogEntries.FindAll(e => e.EventAction == "trigger").Count;

    /// <summary>Whether it is still open (triggered or acknowledged).</summary>
    public bool IsOpen => Status != AlertStatus.Resolved;

    internal EmulatedAlert Snapshot()
    {
        var copy = new EmulatedAlert
        {
            Id = Id,
            RoutingKey = RoutingKey,
            DedupKey = DedupKey,
            Status = Status,
            Summary = Summary,
            Severity = Severity,
            CreatedAt = CreatedAt,
            AcknowledgedAt = AcknowledgedAt,
            ResolvedAt = ResolvedAt,
        };
        copy.LogEntries.AddRange(LogEntries);
        return copy;
    }
}
