using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace PagerDutySinks.Client;

/// <summary>
/// One limiter per routing key for the whole process, so every client sending with a key shares its budget.
/// Limiters are kept per clock: clients on different <see cref="TimeProvider"/>s (tests) cannot share a timeline.
/// When clients ask for different limits for one key, the smallest wins.
/// </summary>
internal static class SharedRateLimiters
{
    /// <summary>PagerDuty counts requests per routing key over a 60-second look-back window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private static readonly ConditionalWeakTable<TimeProvider, ConcurrentDictionary<string, SlidingWindowLogRateLimiter>> ByClock = new();

    /// <summary>The limiter for <paramref name="routingKey"/> on <paramref name="timeProvider"/>, with <paramref name="limitPerMinute"/> registered.</summary>
    public static SlidingWindowLogRateLimiter Acquire(string routingKey, TimeProvider timeProvider, int limitPerMinute)
    {
        var limiters = ByClock.GetValue(timeProvider, static _ => new ConcurrentDictionary<string, SlidingWindowLogRateLimiter>(StringComparer.Ordinal));
        var limiter = limiters.GetOrAdd(routingKey, _ => new SlidingWindowLogRateLimiter(timeProvider, Window, limitPerMinute));
        limiter.RegisterLimit(limitPerMinute);
        return limiter;
    }

    /// <summary>Withdraws a limit registered by <see cref="Acquire"/>.</summary>
    public static void Release(SlidingWindowLogRateLimiter limiter, int limitPerMinute) => limiter.UnregisterLimit(limitPerMinute);
}
