using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Cli.Tests.Cli;

/// <summary>One emulator per test class, on a free loopback port, reset before each test.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public PagerDutyEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}
