using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using PagerDutySinks.Events;

namespace PagerDutySinks.Tests.Client;

internal static class TestKeys
{
    /// <summary>A fresh 32-character key, so tests never share a process-wide rate limiter.</summary>
    public static string NewRoutingKey() => Guid.NewGuid().ToString("N");

    public static AlertEvent Trigger(string routingKey, string? dedupKey = null, string summary = "Disk full on db-1") => new()
    {
        RoutingKey = routingKey,
        EventAction = EventAction.Trigger,
        DedupKey = dedupKey,
        Payload = new AlertPayload { Summary = summary, Source = "db-1", Severity = Severity.Error },
    };
}

/// <summary>
/// A pass-through handler over a real <see cref="SocketsHttpHandler"/> that records when each request left (on the
/// test clock) and how many are in flight. It answers nothing itself.
/// </summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly TimeProvider _clock;
    private readonly List<DateTimeOffset> _sentAt = new();
    private int _inFlight;

    public RecordingHandler(TimeProvider clock)
        : base(new SocketsHttpHandler())
    {
        _clock = clock;
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    public IReadOnlyList<DateTimeOffset> SentAt
    {
        get
        {
            lock (_sentAt)
            {
                return _sentAt.ToList();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            lock (_sentAt)
            {
                _sentAt.Add(_clock.GetUtcNow());
            }

            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

/// <summary>Moves a fake clock forward while the code under test runs, so its waits pass without real waiting.</summary>
internal static class FakeClockDriver
{
    /// <summary>
    /// Advances <paramref name="clock"/> by <paramref name="step"/> until <paramref name="work"/> completes. Between steps
    /// it yields briefly so continuations run, and it holds the clock still while <paramref name="canAdvance"/> says no
    /// (e.g. while a request is in flight, so server timestamps match the client's).
    /// </summary>
    public static async Task<T> DriveAsync<T>(FakeTimeProvider clock, Task<T> work, TimeSpan step, Func<bool>? canAdvance = null, TimeSpan? realTimeout = null)
    {
        var limit = realTimeout ?? TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        while (!work.IsCompleted)
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"The work did not complete within {limit} of real time (fake clock at {clock.GetUtcNow():O}).");
            }

            await Task.WhenAny(work, Task.Delay(2));
            if (!work.IsCompleted && (canAdvance?.Invoke() ?? true))
            {
                clock.Advance(step);
            }
        }

        return await work;
    }

    public static Task DriveAsync(FakeTimeProvider clock, Task work, TimeSpan step, Func<bool>? canAdvance = null, TimeSpan? realTimeout = null) =>
        DriveAsync(clock, work.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step, canAdvance, realTimeout);
}

internal static class Windows
{
    /// <summary>The most timestamps inside any half-open 60-second window (t - 60 s, t].</summary>
    public static int PeakPerMinute(IEnumerable<DateTimeOffset> times)
    {
        var sorted = times.OrderBy(t => t).ToArray();
        var peak = 0;
        var start = 0;
        for (var end = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] >= TimeSpan.FromSeconds(60))
            {
                start++;
            }

            peak = Math.Max(peak, end - start + 1);
        }

        return peak;
    }
}
