using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace PagerDutySinks.Emulator;

/// <summary>
/// Keeps the emulator's host away from process signals: as a library inside a test process it must not take over
/// Ctrl+C or SIGTERM. The standalone program handles signals itself.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
