using System;
using System.Collections.Generic;

namespace PagerDutySinks.Pipeline;

/// <summary>What happened, for a <see cref="PagerDutyDiagnostic"/>.</summary>
public enum PagerDutyDiagnosticKind
{
    /// <summary>Candidates were dropped because the buffer was full.</summary>
    Dropped,

    /// <summary>PagerDuty rejected an event (400); it will not be retried.</summary>
    Rejected,

    /// <summary>An event could not be delivered after retries (network, 5xx, 429).</summary>
    Failed,

    /// <summary>At flush or shutdown, events were still pending when the timeout expired.</summary>
    NotDelivered,

    /// <summary>A candidate could not be turned into an event (e.g. a property threw); it was sent with what could be read.</summary>
    Degraded,

    /// <summary>A configuration problem found at run time.</summary>
    Configuration,
}

/// <summary>A problem the pipeline reports instead of throwing on the logging path. The routing key never appears in it whole.</summary>
public sealed class PagerDutyDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="message">A human-readable description.</param>
    /// <param name="count">How many events it concerns.</param>
    /// <param name="dedupKeys">The dedup keys concerned, when known.</param>
    /// <param name="exception">The underlying exception, if any.</param>
    public PagerDutyDiagnostic(PagerDutyDiagnosticKind kind, string message, int count = 1,
        IReadOnlyList<string>? dedupKeys = null, Exception? exception = null)
    {
        Kind = kind;
        Message = message;
        Count = count;
        DedupKeys = dedupKeys ?? Array.Empty<string>();
        Exception = exception;
    }

    /// <summary>What happened.</summary>
    public PagerDutyDiagnosticKind Kind { get; }

    /// <summary>A human-readable description.</summary>
    public string Message { get; }

    /// <summary>How many events it concerns.</summary>
    public int Count { get; }

    /// <summary>The dedup keys concerned, when known.</summary>
    public IReadOnlyList<string> DedupKeys { get; }

    /// <summary>The underlying exception, if any.</summary>
    public Exception? Exception { get; }

    /// <inheritdoc />
    public override string ToString() => "PagerDuty " + Kind + ": " + Message;
}
