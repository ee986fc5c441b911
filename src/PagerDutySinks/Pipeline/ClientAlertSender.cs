using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>Sends through a <see cref="PagerDutyClient"/>, which throttles per routing key and retries.</summary>
internal sealed class ClientAlertSender : IAlertSender
{
    private readonly PagerDutyClient _client;

    public ClientAlertSender(PagerDutyClient client) => _client = client;

    public Task<SendResult> SendAsync(AlertEvent alertEvent, CancellationToken cancellationToken) =>
        _client.SendAsync(alertEvent, cancellationToken);
}
