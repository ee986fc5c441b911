using System;
using System.Collections.Generic;

namespace PagerDutySinks.Emulator;

/// <summary>
/// Faults the emulator injects into the next requests it receives at <c>/v2/enqueue</c> and <c>/v2/change/enqueue</c>.
/// Queued faults are used in the order they were added: <c>FailNext(2, 503)</c> then <c>DropNext(1)</c> answers two
/// requests with 503 and drops the third. Thread-safe.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly Queue<InjectedFault> _queue = new();
    private TimeSpan _latency;

    /// <summary>The delay added to every answer.</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (_gate)
            {
                return _latency;
            }
        }
    }

    /// <summary>How many requests the queued faults still cover.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                var total = 0;
                foreach (var fault in _queue)
                {
                    total += fault.Remaining;
                }

                return total;
            }
        }
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> requests with <paramref name="statusCode"/> without processing them.
    /// A 202 with an arbitrary <paramref name="body"/> simulates a malformed success answer.
    /// </summary>
    /// <param name="count">How many requests.</param>
    /// <param name="statusCode">The status, e.g. 500 or 429.</param>
    /// <param name="body">The body; PagerDuty's shape for that status when <see langword="null"/>.</param>
    /// <param name="contentType">The body's content type.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> header to send (whole seconds, rounded up), if any.</param>
    public void FailNext(int count, int statusCode, string? body = null, string contentType = "application/json", TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        if (retryAfter is { } delay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(retryAfter));
        }

        Enqueue(new InjectedFault(count, statusCode, body ?? DefaultBodies.For(statusCode), contentType, retryAfter));
    }

    /// <summary>Drops the connection of the next <paramref name="count"/> requests without answering.</summary>
    /// <param name="count">How many requests.</param>
    public void DropNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Enqueue(new InjectedFault(count, StatusCode: 0, Body: "", ContentType: "", RetryAfter: null));
    }

    /// <summary>Delays every answer by <paramref name="latency"/> (real time) until cleared; a request aborted by its client stops waiting.</summary>
    /// <param name="latency">The delay; <see cref="TimeSpan.Zero"/> to stop.</param>
    public void SetLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_gate)
        {
            _latency = latency;
        }
    }

    /// <summary>Clears every fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _latency = TimeSpan.Zero;
        }
    }

    /// <summary>Takes the fault for the request being handled, if one is queued.</summary>
    internal InjectedFault? TakeNext()
    {
        lock (_gate)
        {
            if (!_queue.TryPeek(out var head))
            {
                return null;
            }

            head.Remaining--;
            if (head.Remaining == 0)
            {
                _queue.Dequeue();
            }

            return head;
        }
    }

    private void Enqueue(InjectedFault fault)
    {
        lock (_gate)
        {
            _queue.Enqueue(fault);
        }
    }
}

/// <summary>A queued fault; <see cref="StatusCode"/> 0 means the connection is dropped.</summary>
internal sealed record InjectedFault(int Count, int StatusCode, string Body, string ContentType, TimeSpan? RetryAfter)
{
    public int Remaining { get; set; } = Count;

    public bool DropsConnection => StatusCode == 0;
}
