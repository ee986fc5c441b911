using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PagerDutySinks.Reliability.Tests.Support;

/// <summary>
/// A pass-through handler over real sockets that counts requests in flight, so a test can hold its fake clock still while
/// a request travels (the emulator then stamps it with the same instant the client sent it at).
/// </summary>
internal sealed class InFlightHandler : DelegatingHandler
{
    private int _inFlight;

    public InFlightHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
