using System;

namespace PagerDutySinks.Emulator;

/// <summary>Faults the emulator injects into the next requests it receives.</summary>
public sealed class EmulatorFaults
{
    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="statusCode"/>.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="statusCode">The status, e.g. 500 or 429.</param>
    /// <param name="body">The body; PagerDuty's error shape when <see langword="null"/>.</param>
    /// <param name="contentType">The body's content type.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> header to send, if any.</param>
    public void FailNext(int count, int statusCode, string? body = null, string contentType = "application/json", TimeSpan? retryAfter = null) => throw new NotImplementedException();

    /// <summary>Drops the connection of the next <paramref name="count"/> requests without answering.</summary>
    /// <param name="count">How many requests.</param>
    public void DropNext(int count) => throw new NotImplementedException();

    /// <summary>Delays every answer by <paramref name="latency"/> (real time) until cleared.</summary>
    /// <param name="latency">The delay; <see cref="TimeSpan.Zero"/> to stop.</param>
    public void SetLatency(TimeSpan latency) => throw new NotImplementedException();

    /// <summary>Clears every fault.</summary>
    public void Clear() => throw new NotImplementedException();
}
