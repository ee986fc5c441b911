using System;
using System.Collections.Generic;

namespace PagerDutySinks;

/// <summary>How a send ended.</summary>
public enum SendOutcome
{
    /// <summary>PagerDuty accepted the event (202, or any 2xx even with an empty or malformed body).</summary>
    Accepted,

    /// <summary>
    /// PagerDuty rejected the event (400, or another 4xx such as 401, 403, 404 or 413); retrying cannot help.
    /// <see cref="SendResult.Message"/> and <see cref="SendResult.Errors"/> say why.
    /// </summary>
    Rejected,

    /// <summary>PagerDuty kept answering 429, or the local rate limit allowed no request before the deadline.</summary>
    Throttled,

    /// <summary>Network errors, timeouts or 5xx answers outlasted the retries.</summary>
    Failed,
}

/// <summary>The result of sending one event.</summary>
public sealed class SendResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="outcome">How the send ended.</param>
    /// <param name="dedupKey">The dedup key PagerDuty returned (accepted alert events).</param>
    /// <param name="statusCode">The last HTTP status received, if any.</param>
    /// <param name="message">PagerDuty's <c>message</c>, or a description of the failure.</param>
    /// <param name="errors">PagerDuty's <c>errors</c> for a rejection.</param>
    /// <param name="attempts">How many HTTP requests were made.</param>
    /// <param name="exception">The last exception, for network failures and timeouts.</param>
    public SendResult(SendOutcome outcome, string? dedupKey = null, int? statusCode = null, string? message = null,
        IReadOnlyList<string>? errors = null, int attempts = 0, Exception? exception = null)
    {
        Outcome = outcome;
        DedupKey = dedupKey;
        StatusCode = statusCode;
        Message = message;
        Errors = errors ?? Array.Empty<string>();
        Attempts = attempts;
        Exception = exception;
    }

    /// <summary>How the send ended.</summary>
    public SendOutcome Outcome { get; }

    /// <summary>Whether PagerDuty accepted the event.</summary>
    public bool IsAccepted => Outcome == SendOutcome.Accepted;

    /// <summary>The dedup key PagerDuty returned, for accepted alert events.</summary>
    public string? DedupKey { get; }

    /// <summary>The last HTTP status received, if any.</summary>
    public int? StatusCode { get; }

    /// <summary>PagerDuty's <c>message</c>, or a description of the failure.</summary>
    public string? Message { get; }

    /// <summary>PagerDuty's specific reasons for a rejection.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>How many HTTP requests were made.</summary>
    public int Attempts { get; }

    /// <summary>The last exception, for network failures and timeouts.</summary>
    public Exception? Exception { get; }

    /// <inheritdoc />
    public override string ToString() =>
        Outcome + (StatusCode is { } s ? " (" + s + ")" : "") + (Message is null ? "" : ": " + Message) +
        (Errors.Count == 0 ? "" : " [" + string.Join("; ", Errors) + "]");
}
