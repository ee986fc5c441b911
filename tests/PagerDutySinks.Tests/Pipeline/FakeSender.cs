using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

/// <summary>An in-memory <see cref="IAlertSender"/> for pure-logic tests: records events in send order.</summary>
internal sealed class FakeSender : IAlertSender
{
    private readonly object _lock = new();
    private readonly List<AlertEvent> _events = new();
    private int _attempts;

    /// <summary>When set, every send waits for one release of this gate first (a stand-in for a tight rate limit).</summary>
    public SemaphoreSlim? Gate { get; set; }

    /// <summary>When set, sends never complete until cancelled (a dead endpoint).</summary>
    public bool Hang { get; set; }

    /// <summary>The outcome of each send; accepted by default.</summary>
    public Func<AlertEvent, SendResult>? Respond { get; set; }

    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyList<AlertEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return _events.ToArray();
            }
        }
    }

    public async Task<SendResult> SendAsync(AlertEvent alertEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        // Serialising here checks every event the pipeline builds is valid for the wire.
        _ = JsonSerializer.Serialize(alertEvent, PagerDutyJsonContext.Default.AlertEvent);
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Gate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        lock (_lock)
        {
            _events.Add(alertEvent);
        }

        return Respond?.Invoke(alertEvent) ?? new SendResult(SendOutcome.Accepted, alertEvent.DedupKey, 202, "Event processed", attempts: 1);
    }

    public async Task WaitForEventsAsync(int count, TimeSpan? timeout = null)
    {
        var limit = Stopwatch.StartNew();
        while (Events.Count < count)
        {
            if (limit.Elapsed > (timeout ?? TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException($"Expected {count} events, got {Events.Count}.");
            }

            await Task.Delay(2);
        }
    }

    public async Task WaitForAttemptsAsync(int count)
    {
        var limit = Stopwatch.StartNew();
        while (Attempts < count)
        {
            if (limit.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"Expected {count} attempts, got {Attempts}.");
            }

            await Task.Delay(2);
        }
    }

    public static JsonObject Details(AlertEvent alertEvent) => alertEvent.Payload!.CustomDetails!;
}
