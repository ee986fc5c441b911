using System;
using System.Threading;
using System.Threading.Tasks;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// The alert pipeline shared by the Serilog sink and the logging provider: a bounded buffer the logging thread writes into
/// without blocking, one consumer that groups candidates into alerts by dedup key, and a dispatcher that sends them
/// through a throttled, retrying <see cref="PagerDutyClient"/>.
/// </summary>
public sealed class AlertPipeline : IDisposable, IAsyncDisposable
{
    /// <summary>Creates and starts a pipeline.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public AlertPipeline(AlertPipelineOptions options) => throw new NotImplementedException();

    /// <summary>Whether a candidate at <paramref name="level"/> would be accepted. Cheap; call before building a candidate.</summary>
    /// <param name="level">The level.</param>
    /// <returns><see langword="true"/> when the level reaches the minimum.</returns>
    public bool IsEnabled(AlertLevel level) => throw new NotImplementedException();

    /// <summary>Offers a candidate. Never blocks and never throws; when the buffer is full the candidate is dropped and counted.</summary>
    /// <param name="candidate">The candidate.</param>
    /// <returns><see langword="true"/> when the candidate was buffered; <see langword="false"/> when filtered out or dropped.</returns>
    public bool Enqueue(AlertCandidate candidate) => throw new NotImplementedException();

    /// <summary>Delivers everything pending, waiting at most <paramref name="timeout"/>; reports what could not be sent.</summary>
    /// <param name="timeout">The bound; <see cref="AlertPipelineOptions.ShutdownTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>What was and was not delivered.</returns>
    public Task<FlushResult> FlushAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>A snapshot of the counters.</summary>
    public AlertPipelineStatistics Statistics => throw new NotImplementedException();

    /// <summary>Flushes within <see cref="AlertPipelineOptions.ShutdownTimeout"/> and stops.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public ValueTask DisposeAsync() => throw new NotImplementedException();

    /// <summary>Flushes within <see cref="AlertPipelineOptions.ShutdownTimeout"/> and stops.</summary>
    public void Dispose() => throw new NotImplementedException();
}
