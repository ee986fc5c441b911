using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;

namespace PagerDutySinks.Client;

/// <summary>How long to wait before the next attempt: what the server asked for, else exponential backoff with jitter.</summary>
internal static class RetryDelays
{
    /// <summary>No backoff grows past this; PagerDuty's rate window is a minute.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private static readonly ThreadLocal<Random> Jitter = new(() => new Random(Guid.NewGuid().GetHashCode()));

    /// <summary>
    /// The wait a response asks for: <c>Retry-After</c> as seconds or an HTTP date, else <c>ratelimit-reset</c> seconds.
    /// <see langword="null"/> when it asks for nothing.
    /// </summary>
    public static TimeSpan? RequestedBy(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        if (response.Headers.TryGetValues("ratelimit-reset", out var values) &&
            double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) &&
            seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }

    /// <summary>
    /// Exponential backoff from <paramref name="baseDelay"/> for retry number <paramref name="attemptNumber"/> (0 for the
    /// first retry), with "equal jitter": half the delay fixed, half random, so clients that failed together spread out.
    /// </summary>
    public static TimeSpan Backoff(TimeSpan baseDelay, int attemptNumber)
    {
        var exponential = baseDelay.Ticks * Math.Pow(2, Math.Min(attemptNumber, 30));
        var capped = Math.Min(exponential, MaxBackoff.Ticks);
        var jittered = (capped / 2) + (Jitter.Value!.NextDouble() * capped / 2);
        return TimeSpan.FromTicks((long)jittered);
    }
}
