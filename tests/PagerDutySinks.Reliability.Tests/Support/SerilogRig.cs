using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using PagerDutySinks.Emulator;
using PagerDutySinks.Pipeline;
using PagerDutySinks.Serilog;
using Serilog;
using Serilog.Core;

namespace PagerDutySinks.Reliability.Tests.Support;

/// <summary>
/// One Serilog logger writing to the PagerDuty sink, a real emulator on loopback, both on one fake clock, and a
/// failure listener that records everything the sink reports. Each rig has its own routing key.
/// </summary>
internal sealed class SerilogRig : IAsyncDisposable
{
    private readonly bool _ownsEmulator;
    private bool _disposed;

    private SerilogRig(FakeTimeProvider clock, PagerDutyEmulator emulator, bool ownsEmulator, string key, PagerDutySinkOptions options, InFlightHandler handler)
    {
        Handler = handler;
        Clock = clock;
        Emulator = emulator;
        _ownsEmulator = ownsEmulator;
        Key = key;
        Options = options;
        Sink = new PagerDutySink(options);
        Sink.SetFailureListener(Listener);
        Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(Sink).CreateLogger();
    }

    public FakeTimeProvider Clock { get; }

    public PagerDutyEmulator Emulator { get; }

    public InFlightHandler Handler { get; }

    public string Key { get; }

    public PagerDutySinkOptions Options { get; }

    public PagerDutySink Sink { get; }

    public Logger Logger { get; }

    public RecordingListener Listener { get; } = new();

    public AlertPipelineStatistics Statistics => Sink.Statistics;

    /// <summary>Starts an emulator on the rig's clock and a sink pointed at it.</summary>
    public static async Task<SerilogRig> StartAsync(Action<PagerDutySinkOptions>? configure = null, int emulatorRateLimit = 0,
        FakeTimeProvider? clock = null, string? key = null)
    {
        clock ??= new FakeTimeProvider(Keys.ClockStart);
        var emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = emulatorRateLimit, TimeProvider = clock });
        return Create(emulator, clock, ownsEmulator: true, configure, key);
    }

    /// <summary>A sink pointed at an emulator someone else owns (and on its clock).</summary>
    public static SerilogRig Create(PagerDutyEmulator emulator, FakeTimeProvider clock, bool ownsEmulator, Action<PagerDutySinkOptions>? configure = null, string? key = null)
    {
        var handler = new InFlightHandler();
        var options = new PagerDutySinkOptions
        {
            RoutingKey = key ?? Keys.NewRoutingKey(),
            Endpoint = emulator.BaseAddress.ToString(),
            TimeProvider = clock,
            Source = "checkout-7",

            // Tests that want storms lower it; the others log many distinct problems and want each on its own.
            StormThreshold = 10_000,
        };
        options.HttpMessageHandler = handler;
        configure?.Invoke(options);
        return new SerilogRig(clock, emulator, ownsEmulator, options.RoutingKey, options, handler);
    }

    /// <summary>The requests the emulator received with this rig's key.</summary>
    public IReadOnlyList<ReceivedEvent> Received => Emulator.Events.Where(e => e.RoutingKey == Key).ToList();

    /// <summary>The requests the emulator accepted (202) with this rig's key.</summary>
    public IReadOnlyList<ReceivedEvent> Accepted => Received.Where(e => e.Outcome == ReceivedOutcome.Accepted).ToList();

    /// <summary>Flushes while moving the clock (held still while a request is in flight).</summary>
    public Task<FlushResult> FlushAsync(TimeSpan timeout, TimeSpan? step = null) =>
        ClockDriver.WhileAsync(Clock, Sink.FlushAsync(timeout), step ?? TimeSpan.FromSeconds(1), Handler.Quiet());

    /// <summary>Moves the clock until <paramref name="done"/> holds.</summary>
    public Task DriveUntilAsync(Func<bool> done, TimeSpan? step = null, bool whileInFlight = false) =>
        ClockDriver.UntilAsync(Clock, done, step ?? TimeSpan.FromSeconds(1), whileInFlight ? null : Handler.Quiet());

    /// <summary>Closes the logger (which disposes the sink and flushes within its shutdown timeout) while moving the clock.</summary>
    public async Task CloseAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await ClockDriver.WhileAsync(Clock, Task.Run(() => Logger.Dispose()), TimeSpan.FromSeconds(1), Handler.Quiet());
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
