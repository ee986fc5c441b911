using System;
using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;
using PagerDutySinks.Reliability.Tests.Support;

namespace PagerDutySinks.Reliability.Tests;

/// <summary>Sustained 429s: backoff honoured, the per-minute budget never exceeded (retries included), nothing lost.</summary>
public sealed class ThrottlingTests
{
    private const int Budget = 10;

    [Fact]
    public async Task Sustained_429_with_retry_after_is_waited_out_within_the_budget_and_nothing_is_lost()
    {
        await using var rig = await SerilogRig.StartAsync(o => o.RateLimitPerMinute = Budget);
        rig.Emulator.Faults.FailNext(4, 429, retryAfter: TimeSpan.FromSeconds(20));

        const int Logged = 25;
        for (var i = 0; i < Logged; i++)
        {
            rig.Logger.ForContext("PagerDutyDedupKey", $"throttled-{i}").Error("Checkout {Step} failed", i);
        }

        var result = await rig.FlushAsync(TimeSpan.FromMinutes(15));

        Assert.True(result.Completed);
        var received = rig.Received;
        Assert.Equal(4, received.Count(e => e.StatusCode == 429));

        // Every request after a 429 came at least the 20 s PagerDuty asked for later.
        for (var i = 1; i < received.Count; i++)
        {
            if (received[i - 1].StatusCode == 429)
            {
                Assert.True(received[i].ReceivedAt - received[i - 1].ReceivedAt >= TimeSpan.FromSeconds(20),
                    string.Join(", ", received.Select(e => $"{e.StatusCode}@{(e.ReceivedAt - Keys.ClockStart).TotalSeconds}")));
            }
        }

        AssertWithinBudgetInEveryMinute(rig);
        Assert.Equal(Logged, rig.Accepted.Select(e => e.DedupKey).Distinct().Count());
        Accounting.AssertNothingLost(rig, Logged);
    }

    [Fact]
    public async Task Sustained_429_without_retry_after_backs_off_within_the_budget_and_nothing_is_lost()
    {
        await using var rig = await SerilogRig.StartAsync(o => o.RateLimitPerMinute = Budget);
        rig.Emulator.Faults.FailNext(5, 429);

        const int Logged = 25;
        for (var i = 0; i < Logged; i++)
        {
            rig.Logger.ForContext("PagerDutyDedupKey", $"throttled-{i}").Error("Checkout {Step} failed", i);
        }

        var result = await rig.FlushAsync(TimeSpan.FromMinutes(15));

        Assert.True(result.Completed);
        var received = rig.Received;
        var throttled = received.Select((e, i) => (e, i)).Where(x => x.e.StatusCode == 429).Select(x => x.i).ToList();
        Assert.Equal(5, throttled.Count);

        // Backoff: never straight back; the wait grows (equal jitter keeps at least half of 1 s, 2 s, 4 s, ...).
        for (var n = 0; n < throttled.Count; n++)
        {
            var gap = received[throttled[n] + 1].ReceivedAt - received[throttled[n]].ReceivedAt;
            Assert.True(gap >= TimeSpan.FromSeconds(0.5 * Math.Pow(2, n)), $"retry {n} came after {gap}");
        }

        AssertWithinBudgetInEveryMinute(rig);
        Assert.Equal(Logged, rig.Accepted.Select(e => e.DedupKey).Distinct().Count());
        Accounting.AssertNothingLost(rig, Logged);
    }

    [Fact]
    public async Task Server_limit_lower_than_ours_is_survived_and_nothing_is_lost()
    {
        // The emulator throttles like PagerDuty at 6 per minute with Retry-After; the sink believes in 10.
        await using var rig = await SerilogRig.StartAsync(o => o.RateLimitPerMinute = Budget, emulatorRateLimit: 6);

        const int Logged = 12;
        for (var i = 0; i < Logged; i++)
        {
            rig.Logger.ForContext("PagerDutyDedupKey", $"tight-{i}").Error("Checkout {Step} failed", i);
        }

        var result = await rig.FlushAsync(TimeSpan.FromMinutes(15));

        Assert.True(result.Completed);
        Assert.Contains(rig.Received, e => e.Outcome == ReceivedOutcome.Throttled);
        AssertWithinBudgetInEveryMinute(rig);
        Assert.Equal(Logged, rig.Accepted.Select(e => e.DedupKey).Distinct().Count());
        Accounting.AssertNothingLost(rig, Logged);
    }

    /// <summary>Every 60-second window of what the emulator received (429s included) holds at most the budget.</summary>
    private static void AssertWithinBudgetInEveryMinute(SerilogRig rig)
    {
        var times = rig.Received.Select(e => e.ReceivedAt).OrderBy(t => t).ToArray();
        for (var start = 0; start < times.Length; start++)
        {
            var inWindow = times.Skip(start).TakeWhile(t => t - times[start] < TimeSpan.FromSeconds(60)).Count();
            Assert.True(inWindow <= Budget, $"{inWindow} requests in the minute from {times[start]:O}");
        }

        Assert.InRange(rig.Emulator.PeakRequestsPerMinute(rig.Key), 1, Budget);
    }
}
