using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>Where the pipeline's dispatcher hands finished events; the throttled, retrying client in production.</summary>
internal interface IAlertSender
{
    /// <summary>Sends one event; failures are reported in the result rather than thrown.</summary>
    Task<SendResult> SendAsync(AlertEvent alertEvent, CancellationToken cancellationToken);
}
