using System;
using System.Net.Http;

namespace PagerDutySinks;

/// <summary>Settings of a <see cref="PagerDutyClient"/>: where to send, how fast, and how hard to retry.</summary>
public sealed class PagerDutyClientOptions
{
    /// <summary>PagerDuty's documented per-routing-key limit, in requests per minute.</summary>
    public const int DefaultRateLimitPerMinute = 120;

    /// <summary>Where to send; PagerDuty's US service by default.</summary>
    public PagerDutyEndpoint Endpoint { get; set; } = PagerDutyEndpoint.UnitedStates;

    /// <summary>Requests per minute allowed per routing key, shared by every client in the process (default 120).</summary>
    public int RateLimitPerMinute { get; set; } = DefaultRateLimitPerMinute;

    /// <summary>Timeout of each HTTP attempt (default 10 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound on the time spent retrying one event, waits included (default 2 min).</summary>
    public TimeSpan MaxRetryDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Maximum number of retries after the first attempt (default 6).</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>First backoff delay; later delays grow exponentially with jitter (default 1 s).</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The handler requests go through, for proxies and tests. When <see langword="null"/>, a pooled handler with a bounded
    /// connection lifetime is created and owned by the client. A supplied handler is not disposed by the client.
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>The clock for backoff, timeouts and rate limiting; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Throws a clear <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Endpoint is null)
        {
            throw new ArgumentException($"{nameof(Endpoint)} is required; use PagerDutyEndpoint.UnitedStates, PagerDutyEndpoint.Europe or PagerDutyEndpoint.Parse(...).", nameof(Endpoint));
        }

        if (RateLimitPerMinute < 1)
        {
            throw new ArgumentException($"{nameof(RateLimitPerMinute)} must be at least 1 (it is {RateLimitPerMinute}); PagerDuty allows about {DefaultRateLimitPerMinute} per routing key.", nameof(RateLimitPerMinute));
        }

        RequireBetween(AttemptTimeout, MinimumTimeout, MaximumDuration, nameof(AttemptTimeout));
        RequireBetween(MaxRetryDuration, MinimumTimeout, MaximumDuration, nameof(MaxRetryDuration));
        RequireBetween(BaseRetryDelay, TimeSpan.Zero, MaximumDuration, nameof(BaseRetryDelay));

        if (MaxRetryAttempts < 0 || MaxRetryAttempts > MaximumRetryAttempts)
        {
            throw new ArgumentException($"{nameof(MaxRetryAttempts)} must be between 0 and {MaximumRetryAttempts} (it is {MaxRetryAttempts}).", nameof(MaxRetryAttempts));
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException($"{nameof(TimeProvider)} is required; use TimeProvider.System.", nameof(TimeProvider));
        }
    }

    // Polly's timeout strategy accepts 10 ms to 1 day.
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaximumDuration = TimeSpan.FromDays(1);
    private const int MaximumRetryAttempts = 100;

    private static void RequireBetween(TimeSpan value, TimeSpan minimum, TimeSpan maximum, string name)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentException($"{name} must be between {minimum} and {maximum} (it is {value}).", name);
        }
    }
}
