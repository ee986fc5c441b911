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
    private int _started;

    public InFlightHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// A check that holds when nothing is in flight and no request started since the previous check. The clock then moves
    /// only after a whole polling interval without traffic, which keeps a request that had taken its rate-limit permit
    /// from being stamped by the emulator a clock step later than the permit.
    /// </summary>
    public System.Func<bool> Quiet()
    {
        var lastStarted = -1;
        return () =>
        {
            var started = Volatile.Read(ref _started);
            var quiet = InFlight == 0 && started == lastStarted;
            lastStarted = started;
            return quiet;
        };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _started);
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
