using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PagerDutySinks.Emulator;
using PagerDutySinks.Reliability.Tests.Support;

namespace PagerDutySinks.Reliability.Tests;

/// <summary>Several sinks and providers in one process with one routing key share one rate limit.</summary>
public sealed class SharedRateLimitTests
{
    [Fact]
    public async Task Two_serilog_sinks_and_a_logging_provider_with_one_routing_key_share_its_budget()
    {
        const int Budget = 12;
        var clock = new FakeTimeProvider(Keys.ClockStart);
        await using var emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0, TimeProvider = clock });
        var key = Keys.NewRoutingKey();
        await using var first = SerilogRig.Create(emulator, clock, ownsEmulator: false, o => o.RateLimitPerMinute = Budget, key);
        await using var second = SerilogRig.Create(emulator, clock, ownsEmulator: false, o => o.RateLimitPerMinute = Budget, key);
        await using var third = MelRig.Create(emulator, clock, ownsEmulator: false, o => o.RateLimitPerMinute = Budget, key);

        for (var i = 0; i < 10; i++)
        {
            first.Logger.ForContext("PagerDutyDedupKey", $"a-{i}").Error("A failed");
            second.Logger.ForContext("PagerDutyDedupKey", $"b-{i}").Error("B failed");
            third.Logger.LogError("C failed {PagerDutyDedupKey}", $"c-{i}");
        }

        var flushes = Task.WhenAll(
            first.Sink.FlushAsync(TimeSpan.FromMinutes(10)),
            second.Sink.FlushAsync(TimeSpan.FromMinutes(10)),
            third.Provider.FlushAsync(TimeSpan.FromMinutes(10)));
        var quiet = new[] { first.Handler.Quiet(), second.Handler.Quiet(), third.Handler.Quiet() };
        var results = await ClockDriver.WhileAsync(clock, flushes, TimeSpan.FromSeconds(1), () => quiet.Select(q => q()).ToArray().All(q => q));

        Assert.All(results, r => Assert.True(r.Completed));
        var accepted = emulator.Events.Where(e => e.RoutingKey == key && e.Outcome == ReceivedOutcome.Accepted).ToList();
        Assert.Equal(30, accepted.Select(e => e.DedupKey).Distinct().Count());

        // Each alone would have sent its 10 at once; together they took three minutes.
        Assert.Equal(Budget, emulator.PeakRequestsPerMinute(key));
        Assert.True(accepted.Max(e => e.ReceivedAt) - accepted.Min(e => e.ReceivedAt) >= TimeSpan.FromMinutes(2));
        Assert.Equal(30, first.Statistics.Sent + second.Statistics.Sent + third.Statistics.Sent);
    }
}
