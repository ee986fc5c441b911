using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PagerDutySinks.Emulator;
using PagerDutySinks.Extensions.Logging;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Reliability.Tests.Support;

/// <summary>A logger factory with the PagerDuty provider, a real emulator on loopback, both on one fake clock.</summary>
internal sealed class MelRig : IAsyncDisposable
{
    private readonly bool _ownsEmulator;
    private bool _disposed;

    private MelRig(FakeTimeProvider clock, PagerDutyEmulator emulator, bool ownsEmulator, PagerDutyLoggerOptions options, InFlightHandler handler)
    {
        Clock = clock;
        Emulator = emulator;
        _ownsEmulator = ownsEmulator;
        Handler = handler;
        Options = options;
        Key = options.RoutingKey!;
        Provider = new PagerDutyLoggerProvider(options);
        Factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(Provider));
        Logger = Factory.CreateLogger("Shop.Checkout");
    }

    public FakeTimeProvider Clock { get; }

    public PagerDutyEmulator Emulator { get; }

    public InFlightHandler Handler { get; }

    public string Key { get; }

    public PagerDutyLoggerOptions Options { get; }

    public PagerDutyLoggerProvider Provider { get; }

    public ILoggerFactory Factory { get; }

    public ILogger Logger { get; }

    public DiagnosticLog Diagnostics { get; private set; } = new();

    public AlertPipelineStatistics Statistics => Provider.Statistics!;

    public static async Task<MelRig> StartAsync(Action<PagerDutyLoggerOptions>? configure = null, int emulatorRateLimit = 0, FakeTimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(Keys.ClockStart);
        var emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = emulatorRateLimit, TimeProvider = clock });
        return Create(emulator, clock, ownsEmulator: true, configure);
    }

    public static MelRig Create(PagerDutyEmulator emulator, FakeTimeProvider clock, bool ownsEmulator, Action<PagerDutyLoggerOptions>? configure = null, string? key = null)
    {
        var handler = new InFlightHandler();
        var diagnostics = new DiagnosticLog();
        var options = new PagerDutyLoggerOptions
        {
            RoutingKey = key ?? Keys.NewRoutingKey(),
            Endpoint = emulator.BaseAddress.ToString(),
            TimeProvider = clock,
            HttpMessageHandler = handler,
            Source = "checkout-7",
            StormThreshold = 10_000,
            OnDiagnostic = diagnostics.Add,
        };
        configure?.Invoke(options);
        var rig = new MelRig(clock, emulator, ownsEmulator, options, handler);
        rig.Diagnostics = diagnostics;
        return rig;
    }

    public IReadOnlyList<ReceivedEvent> Received => Emulator.Events.Where(e => e.RoutingKey == Key).ToList();

    public IReadOnlyList<ReceivedEvent> Accepted => Received.Where(e => e.Outcome == ReceivedOutcome.Accepted).ToList();

    public Task<FlushResult> FlushAsync(TimeSpan timeout) =>
        ClockDriver.WhileAsync(Clock, Provider.FlushAsync(timeout), TimeSpan.FromSeconds(1), Handler.Quiet());

    public async Task CloseAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // The factory does not own a provider instance it was given; disposing the provider flushes on the fake clock.
        await ClockDriver.WhileAsync(Clock, Task.Run(() =>
        {
            Factory.Dispose();
            Provider.Dispose();
        }), TimeSpan.FromSeconds(1), Handler.Quiet());
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        Handler.Dispose();
        if (_ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }
    }
}
