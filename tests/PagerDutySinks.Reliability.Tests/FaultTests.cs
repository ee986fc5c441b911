using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using PagerDutySinks.Emulator;
using PagerDutySinks.Reliability.Tests.Support;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;

namespace PagerDutySinks.Reliability.Tests;

/// <summary>PagerDuty down, slow, resetting or answering garbage: logging never blocks and every event is accounted for.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Long_outage_then_recovery_delivers_what_is_pending_and_reports_what_ran_out_of_retries()
    {
        var clock = new FakeTimeProvider(Keys.ClockStart);
        var before = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0, TimeProvider = clock });
        var port = before.BaseAddress.Port;
        await using var rig = SerilogRig.Create(before, clock, ownsEmulator: false);

        // PagerDuty goes away: from now on every connection is refused.
        await before.DisposeAsync();

        const int Logged = 20;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Logged; i++)
        {
            rig.Logger.ForContext("PagerDutyDedupKey", $"outage-{i}").Error("Payment provider {Provider} unreachable", i);
        }

        watch.Stop();

        // Logging only buffers: 20 calls against a dead endpoint finish in far less than one connection attempt's timeout.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"logging took {watch.Elapsed}");
        Assert.Equal(Logged, rig.Statistics.Enqueued);

        // Five minutes of outage: each event retries for at most two minutes (MaxRetryDuration), so a few run out.
        var recoverAt = Keys.ClockStart + TimeSpan.FromMinutes(5);
        await rig.DriveUntilAsync(() => clock.GetUtcNow() >= recoverAt);
        await using var after = await PagerDutyEmulator.StartAsync(
            new EmulatorOptions { Url = $"http://127.0.0.1:{port}", RateLimitPerMinute = 0, TimeProvider = clock });

        var result = await rig.FlushAsync(TimeSpan.FromMinutes(10));

        Assert.True(result.Completed);
        var stats = rig.Statistics;
        var delivered = after.Events.Where(e => e.RoutingKey == rig.Key && e.Outcome == ReceivedOutcome.Accepted).Select(e => e.DedupKey).ToList();
        Assert.InRange(stats.Failed, 1, Logged - 1);
        Assert.Equal(Logged, stats.Sent + stats.Failed);
        Assert.Equal(delivered.Count, delivered.Distinct().Count());
        Assert.All(rig.Listener.Failures.Where(f => f.Message.Contains("PagerDuty Failed", StringComparison.Ordinal)),
            f => Assert.Contains("could not be delivered", f.Message, StringComparison.Ordinal));
        Accounting.AssertNothingLost(rig, Logged, acceptedByEmulator: delivered.Count);
    }

    [Fact]
    public async Task Long_outage_through_the_logging_provider_then_recovery_delivers_what_is_pending()
    {
        await using var rig = await MelRig.StartAsync();

        // Every connection is cut without an answer (a load balancer with no healthy backend) for five minutes.
        rig.Emulator.Faults.DropNext(100_000);
        const int Logged = 12;
        for (var i = 0; i < Logged; i++)
        {
            rig.Logger.LogError("Ledger {Ledger} out of balance {PagerDutyDedupKey}", i, $"ledger-{i}");
        }

        Assert.Equal(Logged, rig.Statistics.Enqueued);
        var recoverAt = Keys.ClockStart + TimeSpan.FromMinutes(5);
        await ClockDriver.UntilAsync(rig.Clock, () => rig.Clock.GetUtcNow() >= recoverAt, TimeSpan.FromSeconds(1), rig.Handler.Quiet());
        rig.Emulator.Faults.Clear();

        var result = await rig.FlushAsync(TimeSpan.FromMinutes(10));

        Assert.True(result.Completed);
        var stats = rig.Statistics;
        Assert.InRange(stats.Failed, 1, Logged - 1);
        Assert.Equal(Logged, stats.Sent + stats.Failed);
        var failedKeys = rig.Diagnostics.Items.Where(d => d.Kind == PagerDutySinks.Pipeline.PagerDutyDiagnosticKind.Failed).SelectMany(d => d.DedupKeys).ToList();
        var deliveredKeys = rig.Accepted.Select(e => e.DedupKey!).ToList();
        Assert.Equal(
            Enumerable.Range(0, Logged).Select(i => $"ledger-{i}").OrderBy(k => k, StringComparer.Ordinal),
            failedKeys.Concat(deliveredKeys).OrderBy(k => k, StringComparer.Ordinal));
        Accounting.AssertNothingLost(rig, Logged);
    }

    [Fact]
    public async Task Events_beyond_the_buffer_limit_are_dropped_counted_and_reported_and_the_rest_delivered()
    {
        await using var rig = await SerilogRig.StartAsync(o => o.QueueLimit = 20);

        // Hold the consumer (it reports the bad action through the listener, which waits) so the buffer fills up exactly.
        rig.Listener.StallOn = "'stall-consumer'";
        rig.Logger.ForContext("PagerDutyAction", "stall-consumer").ForContext("PagerDutyDedupKey", "stall").Error("Stalls the consumer");
        Assert.True(rig.Listener.Stalled.Wait(TimeSpan.FromSeconds(10)));

        for (var i = 0; i < 50; i++)
        {
            rig.Logger.ForContext("PagerDutyDedupKey", $"burst-{i % 5}").Error("Order {OrderId} failed", i);
        }

        Assert.Equal(30, rig.Statistics.Dropped);
        Assert.Equal(30, rig.Listener.DroppedEvents);

        rig.Listener.Release.Set();
        var result = await rig.FlushAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.Completed);
        Assert.Equal(21, rig.Statistics.Enqueued);

        // The 20 buffered candidates are five problems; with the stalling one, six alerts.
        Assert.Equal(6, rig.Accepted.Select(e => e.DedupKey).Distinct().Count());

        // The next trigger tells the on-call engineer that events were lost before it.
        Assert.Contains(rig.Accepted, e => e.Body!["payload"]!["custom_details"]?["dropped_events"]?.GetValue<long>() == 30);
        Accounting.AssertNothingLost(rig, 51);
    }

    [Fact]
    public async Task Slow_endpoint_that_outlasts_the_attempt_timeout_is_retried_until_it_answers()
    {
        await using var rig = await SerilogRig.StartAsync();
        rig.Emulator.Faults.SetLatency(TimeSpan.FromSeconds(60));

        rig.Logger.Error("Inventory sync failed for {Warehouse}", "north");

        // The attempt timeout (10 s) runs on the fake clock, so the clock moves while the request hangs.
        await rig.DriveUntilAsync(() => rig.Received.Count(e => e.Outcome == ReceivedOutcome.Aborted) >= 2, whileInFlight: true);
        rig.Emulator.Faults.SetLatency(TimeSpan.Zero);
        var result = await rig.FlushAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.Completed);
        Assert.Equal(1, rig.Statistics.Sent);
        Assert.Single(rig.Accepted);
        Accounting.AssertNothingLost(rig, 1);
    }

    [Fact]
    public async Task Connection_reset_mid_request_is_retried()
    {
        await using var rig = await SerilogRig.StartAsync();
        rig.Emulator.Faults.DropNext(3);

        rig.Logger.Error("Inventory sync failed for {Warehouse}", "south");
        var result = await rig.FlushAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.Completed);
        Assert.Equal(3, rig.Received.Count(e => e.Outcome == ReceivedOutcome.Dropped));
        Assert.Single(rig.Accepted);
        Accounting.AssertNothingLost(rig, 1);
    }

    [Theory]
    [InlineData(202, "{not json", "application/json")]
    [InlineData(202, "", "application/json")]
    [InlineData(200, "<html>ok</html>", "text/html")]
    public async Task Success_status_with_a_malformed_or_empty_body_counts_as_delivered_once(int status, string body, string contentType)
    {
        await using var rig = await SerilogRig.StartAsync();
        rig.Emulator.Faults.FailNext(1, status, body, contentType);

        rig.Logger.Error("Inventory sync failed for {Warehouse}", "east");
        var result = await rig.FlushAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.Completed);

        // PagerDuty said yes: sending it again would page twice.
        Assert.Single(rig.Received);
        Assert.Equal(1, rig.Statistics.Sent);
        Accounting.AssertNothingLost(rig, 1, acceptedByEmulator: 1);
    }

    [Fact]
    public async Task Proxy_html_error_page_is_retried_then_delivered()
    {
        await using var rig = await SerilogRig.StartAsync();
        rig.Emulator.Faults.FailNext(2, 502, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>", "text/html");

        rig.Logger.Error("Inventory sync failed for {Warehouse}", "west");
        var result = await rig.FlushAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.Completed);
        Assert.Equal(2, rig.Received.Count(e => e.StatusCode == 502));
        Assert.Single(rig.Accepted);
        Accounting.AssertNothingLost(rig, 1);
    }

    [Fact]
    public async Task Proxy_html_error_page_that_never_clears_is_reported_with_an_excerpt_and_counted_as_failed()
    {
        await using var rig = await MelRig.StartAsync();
        rig.Emulator.Faults.FailNext(1000, 503, "<html><body><h1>503 Service Unavailable</h1>upstream connect error</body></html>", "text/html");

        rig.Logger.LogError("Inventory sync failed for {Warehouse}", "central");
        var result = await rig.FlushAsync(TimeSpan.FromMinutes(5));

        Assert.True(result.Completed);
        Assert.Equal(1, rig.Statistics.Failed);
        var failed = Assert.Single(rig.Diagnostics.Items, d => d.Kind == PagerDutySinks.Pipeline.PagerDutyDiagnosticKind.Failed);
        Assert.Contains("503", failed.Message, StringComparison.Ordinal);
        Assert.Single(failed.DedupKeys);
        Accounting.AssertNothingLost(rig, 1);
    }
}
