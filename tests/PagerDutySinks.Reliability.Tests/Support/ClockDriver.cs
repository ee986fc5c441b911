using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace PagerDutySinks.Reliability.Tests.Support;

/// <summary>Moves a fake clock forward in small steps while the code under test works, so its waits pass without real waiting.</summary>
internal static class ClockDriver
{
    private static readonly TimeSpan DefaultRealTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Advances <paramref name="clock"/> by <paramref name="step"/> until <paramref name="done"/> holds. Between steps it
    /// yields briefly so background work runs; the clock stands still while <paramref name="canAdvance"/> says no.
    /// </summary>
    public static async Task UntilAsync(FakeTimeProvider clock, Func<bool> done, TimeSpan step, Func<bool>? canAdvance = null, TimeSpan? realTimeout = null)
    {
        var limit = realTimeout ?? DefaultRealTimeout;
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Condition not reached within {limit} of real time (fake clock at {clock.GetUtcNow():O}).");
            }

            await Task.Delay(1);
            if (!done() && (canAdvance?.Invoke() ?? true))
            {
                clock.Advance(step);
            }
        }
    }

    /// <summary>Advances the clock until <paramref name="work"/> completes, then returns its result.</summary>
    public static async Task<T> WhileAsync<T>(FakeTimeProvider clock, Task<T> work, TimeSpan step, Func<bool>? canAdvance = null, TimeSpan? realTimeout = null)
    {
        await UntilAsync(clock, () => work.IsCompleted, step, canAdvance, realTimeout);
        return await work;
    }

    /// <summary>Advances the clock until <paramref name="work"/> completes.</summary>
    public static Task WhileAsync(FakeTimeProvider clock, Task work, TimeSpan step, Func<bool>? canAdvance = null, TimeSpan? realTimeout = null) =>
        UntilAsync(clock, () => work.IsCompleted, step, canAdvance, realTimeout).ContinueWith(_ => work, TaskScheduler.Default).Unwrap();
}
