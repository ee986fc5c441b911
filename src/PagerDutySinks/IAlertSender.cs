using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Events;

namespace PagerDutySinks;

/// <summary>Something that delivers alert events; <see cref="PagerDutyClient"/> is the real one.</summary>
public interface IAlertSender
{
    /// <summary>Sends an alert event. Never throws for send failures; see the result.</summary>
    /// <param name="alertEvent">The event.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <returns>How the send ended.</returns>
    /// <exception cref="System.ArgumentException">The event is invalid.</exception>
    Task<SendResult> SendAsync(AlertEvent alertEvent, CancellationToken cancellationToken);
}
