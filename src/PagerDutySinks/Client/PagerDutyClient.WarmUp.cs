using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Client;
using PagerDutySinks.Events;

namespace PagerDutySinks;

public sealed partial class PagerDutyClient
{
    // Long enough for a TLS handshake on a slow link; short enough never to matter at shutdown.
    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Prepares the send path before the first alert needs it: serializes a sample event and opens a connection with a
    /// <c>HEAD</c> request to the base address (no event, no routing key, nothing PagerDuty counts). Without it the
    /// first page of a process pays for JIT compilation, DNS and the TLS handshake, hundreds of milliseconds.
    /// Best effort: failures are ignored, the real send reports real problems.
    /// </summary>
    /// <param name="cancellationToken">Stops the warm-up.</param>
    /// <returns>A task that completes when warm.</returns>
    internal async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = EventPreparer.PrepareAlert(new AlertEvent
            {
                RoutingKey = new string('0', EventLimits.RoutingKeyLength),
                EventAction = EventAction.Trigger,
                DedupKey = "warm-up",
                Payload = new AlertPayload { Summary = "warm-up", Source = "warm-up", Timestamp = DateTimeOffset.UtcNow },
            });

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(WarmUpTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Head, _endpoint.BaseAddress);
            using var response = await _httpClient.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Nothing to report: warming up is an optimisation.
        }
    }
}
