using System;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Events;

namespace PagerDutySinks;

/// <summary>
/// Sends Events API v2 events: validated against PagerDuty's limits, throttled per routing key, retried with backoff.
/// Thread-safe; create one per endpoint and reuse it.
/// </summary>
public sealed class PagerDutyClient : IDisposable
{
    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public PagerDutyClient(PagerDutyClientOptions? options = null) => throw new NotImplementedException();

    /// <summary>The settings this client was created with.</summary>
    public PagerDutyClientOptions Options { get; } = new();

    /// <summary>Sends an alert event (trigger, acknowledge or resolve). Never throws for send failures; see the result.</summary>
    /// <param name="alertEvent">The event; validated and bounded to PagerDuty's limits before sending.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <returns>How the send ended.</returns>
    /// <exception cref="ArgumentException">The event is invalid (bad routing key, acknowledge or resolve without a dedup key, image not https).</exception>
    public Task<SendResult> SendAsync(AlertEvent alertEvent, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Sends a change event. Never throws for send failures; see the result.</summary>
    /// <param name="changeEvent">The change event.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <returns>How the send ended.</returns>
    /// <exception cref="ArgumentException">The event is invalid.</exception>
    public Task<SendResult> SendChangeAsync(ChangeEvent changeEvent, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
