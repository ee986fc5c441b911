using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PagerDutySinks.Emulator;

/// <summary>
/// A local PagerDuty Events API v2 server: validates like PagerDuty, keeps alert state per routing key and dedup key,
/// rate-limits per routing key, injects faults, and shows what it received at <c>/</c>, <c>/api/alerts</c> and <c>/api/events</c>.
/// </summary>
public sealed class PagerDutyEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private PagerDutyEmulator(WebApplication app, EmulatorOptions options)
    {
        _app = app;
        Options = options;
        var enqueue = new EnqueueEndpoint(_state, Faults, options, _stopping.Token);
        app.MapPost("/v2/enqueue", context => enqueue.HandleAsync(context, isChange: false));
        app.MapPost("/v2/change/enqueue", context => enqueue.HandleAsync(context, isChange: true));
        InspectionEndpoints.Map(app, this);
    }

    /// <summary>Starts an emulator, by default on a free loopback port.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<PagerDutyEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Url, "options.Url");
        ArgumentOutOfRangeException.ThrowIfNegative(options.RateLimitPerMinute, "options.RateLimitPerMinute");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");

        // The empty builder has no logging providers, so tests stay quiet; Kestrel and routing are all it needs.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(options.Url);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        var app = builder.Build();
        var emulator = new PagerDutyEmulator(app, options);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The emulator's server reported no address.");
        emulator.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return emulator;
    }

    /// <summary>The base address clients send to, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The alert events URL, <c>{BaseAddress}v2/enqueue</c>.</summary>
    public Uri EnqueueUri => new(BaseAddress, "v2/enqueue");

    /// <summary>The change events URL, <c>{BaseAddress}v2/change/enqueue</c>.</summary>
    public Uri ChangeEnqueueUri => new(BaseAddress, "v2/change/enqueue");

    /// <summary>The settings it runs with.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>Fault injection for tests.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>Copies of the alerts, oldest first.</summary>
    public IReadOnlyList<EmulatedAlert> Alerts => _state.Alerts;

    /// <summary>Every request received at the event endpoints (accepted, rejected, throttled, failed or dropped), oldest first.</summary>
    public IReadOnlyList<ReceivedEvent> Events => _state.Events;

    /// <summary>How many requests reached the event endpoints, whatever the answer.</summary>
    public int ReceivedCount => _state.Events.Count;

    /// <summary>The alerts with <paramref name="dedupKey"/>, oldest first (several when it was resolved and triggered again).</summary>
    /// <param name="dedupKey">The dedup key.</param>
    /// <returns>Copies of the alerts.</returns>
    public IReadOnlyList<EmulatedAlert> AlertsWithDedupKey(string dedupKey) =>
        Alerts.Where(a => string.Equals(a.DedupKey, dedupKey, StringComparison.Ordinal)).ToArray();

    /// <summary>
    /// The most requests with <paramref name="routingKey"/> that reached the server within any 60-second span of the
    /// emulator's clock. Every call counts, whatever the answer (throttled, rejected, failed and dropped ones included),
    /// so it measures how fast a client actually sends.
    /// </summary>
    /// <param name="routingKey">The routing key.</param>
    /// <returns>The peak; 0 when none arrived.</returns>
    public int PeakRequestsPerMinute(string routingKey) => _state.PeakRequestsPerMinute(routingKey);

    /// <summary>Counts of what was received and of the alerts.</summary>
    /// <returns>A snapshot.</returns>
    public EmulatorStatistics GetStatistics() => _state.Statistics();

    /// <summary>Forgets all alerts, events, rate-limit history and faults.</summary>
    public void Reset()
    {
        _state.Reset();
        Faults.Clear();
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have been received (polling every few milliseconds), or the timeout passes.</summary>
    /// <param name="count">The number of requests.</param>
    /// <param name="timeout">How long to wait at most (real time).</param>
    /// <returns><see langword="true"/> when they arrived in time.</returns>
    public async Task<bool> WaitForEventsAsync(int count, TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        while (ReceivedCount < count)
        {
            try
            {
                await Task.Delay(10, timer.Token);
            }
            catch (OperationCanceledException)
            {
                return ReceivedCount >= count;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Requests waiting out injected latency give up first, so stopping does not wait for them.
        await _stopping.CancelAsync();
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(shutdown.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping took too long; disposing below tears the rest down.
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
