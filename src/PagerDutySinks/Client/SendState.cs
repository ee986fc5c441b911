using System;
using System.Net.Http;

namespace PagerDutySinks.Client;

/// <summary>What happened so far while sending one event, across its attempts.</summary>
internal sealed class SendState
{
    public SendState(PreparedEvent preparedEvent, Uri uri, SlidingWindowLogRateLimiter limiter, long startTimestamp)
    {
        Event = preparedEvent;
        Uri = uri;
        Limiter = limiter;
        StartTimestamp = startTimestamp;
    }

    public PreparedEvent Event { get; }

    public Uri Uri { get; }

    public SlidingWindowLogRateLimiter Limiter { get; }

    public long StartTimestamp { get; }

    /// <summary>HTTP requests made.</summary>
    public int Attempts { get; set; }

    /// <summary>Whether the send is currently waiting for a rate-limit permit.</summary>
    public bool WaitingForPermit { get; set; }

    public int? LastStatusCode { get; private set; }

    public string? LastReasonPhrase { get; private set; }

    public byte[]? LastBody { get; private set; }

    /// <summary>The wait the last response asked for (Retry-After), if any.</summary>
    public TimeSpan? LastRequestedDelay { get; private set; }

    /// <summary>The delay chosen for the next retry.</summary>
    public TimeSpan NextDelay { get; set; }

    /// <summary>Set when a retry was not made because it would end after the retry budget.</summary>
    public bool RetryBudgetExhausted { get; set; }

    public void RecordResponse(HttpResponseMessage response, byte[] body, TimeSpan? requestedDelay)
    {
        LastStatusCode = (int)response.StatusCode;
        LastReasonPhrase = response.ReasonPhrase;
        LastBody = body;
        LastRequestedDelay = requestedDelay;
    }
}
