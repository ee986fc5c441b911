using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Serilog.Tests.Support;

/// <summary>One emulator on a free loopback port for a collection of tests; each test uses its own routing key.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private PagerDutyEmulator? _emulator;

    public PagerDutyEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>The endpoint setting that points a sink at the emulator.</summary>
    public string Endpoint => Emulator.BaseAddress.ToString();

    public async Task InitializeAsync() =>
        _emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });

    public async Task DisposeAsync()
    {
        if (_emulator != null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>The alerts opened with <paramref name="routingKey"/>.</summary>
    public IReadOnlyList<EmulatedAlert> AlertsFor(string routingKey) =>
        Emulator.Alerts.Where(alert => alert.RoutingKey == routingKey).ToList();

    /// <summary>The requests sent with <paramref name="routingKey"/>.</summary>
    public IReadOnlyList<ReceivedEvent> EventsFor(string routingKey) =>
        Emulator.Events.Where(received => received.RoutingKey == routingKey).ToList();
}
