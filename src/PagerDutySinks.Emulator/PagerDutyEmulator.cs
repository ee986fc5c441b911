using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PagerDutySinks.Emulator;

/// <summary>
/// A local PagerDuty Events API v2 server: validates like PagerDuty, keeps alert state per routing key and dedup key,
/// rate-limits per routing key, injects faults, and shows what it received at <c>/</c>, <c>/api/alerts</c> and <c>/api/events</c>.
/// </summary>
public sealed class PagerDutyEmulator : IAsyncDisposable
{
    private PagerDutyEmulator()
    {
    }

    /// <summary>Starts an emulator, by default on a free loopback port.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running emulator.</returns>
    public static Task<PagerDutyEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>The base address clients send to, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress { get; } = new("http://127.0.0.1/");

    /// <summary>Fault injection for tests.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>The alerts, oldest first.</summary>
    public IReadOnlyList<EmulatedAlert> Alerts => throw new NotImplementedException();

    /// <summary>Every request received (accepted, rejected or throttled), oldest first.</summary>
    public IReadOnlyList<ReceivedEvent> Events => throw new NotImplementedException();

    /// <summary>Forgets all alerts, events, rate-limit history and faults.</summary>
    public void Reset() => throw new NotImplementedException();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
