using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Tests.Client;

/// <summary>
/// A real emulator on loopback and clients that reach it through real sockets, all on one fake clock. Each test gets
/// its own routing key so the process-wide rate limiters of different tests never meet.
/// </summary>
public abstract class ClientTestBase : IAsyncLifetime
{
    private readonly List<PagerDutyClient> _clients = new();

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected string Key { get; } = TestKeys.NewRoutingKey();

    protected PagerDutyEmulator Emulator { get; private set; } = null!;

    internal RecordingHandler Handler { get; private set; } = null!;

    protected virtual int EmulatorRateLimitPerMinute => 120;

    public async Task InitializeAsync()
    {
        Emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = EmulatorRateLimitPerMinute, TimeProvider = Clock });
        Handler = new RecordingHandler(Clock);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Handler.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>
    /// A client on the fake clock. Attempt timeouts are long by default because the clock only moves when the test
    /// moves it; tests of timeouts set their own.
    /// </summary>
    protected PagerDutyClient CreateClient(Action<PagerDutyClientOptions>? configure = null)
    {
        var options = new PagerDutyClientOptions
        {
            Endpoint = PagerDutyEndpoint.Custom(Emulator.BaseAddress),
            TimeProvider = Clock,
            HttpMessageHandler = Handler,
            AttemptTimeout = TimeSpan.FromHours(1),
            MaxRetryDuration = TimeSpan.FromHours(1),
            BaseRetryDelay = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(options);
        var client = new PagerDutyClient(options);
        _clients.Add(client);
        return client;
    }

    /// <summary>Runs <paramref name="work"/>, moving the clock only while no request is in flight.</summary>
    protected Task<T> DriveAsync<T>(Task<T> work, double stepSeconds = 0.25) =>
        FakeClockDriver.DriveAsync(Clock, work, TimeSpan.FromSeconds(stepSeconds), () => Handler.InFlight == 0);
}
