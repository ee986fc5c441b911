using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PagerDutySinks.Pipeline;
using PagerDutySinks.Reliability.Tests.Support;
using Serilog.Core;

namespace PagerDutySinks.Reliability.Tests;

/// <summary>Shutdown and flush with alerts pending: deliver what the budget allows in time, report exactly the rest.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Shutdown_with_a_healthy_endpoint_delivers_everything_the_budget_allows()
    {
        await using var rig = await SerilogRig.StartAsync(o =>
        {
            o.RateLimitPerMinute = 10;
            o.ShutdownTimeout = TimeSpan.FromSeconds(30);
        });

        for (var i = 0; i < 8; i++)
        {
            rig.Logger.ForContext("PagerDutyDedupKey", $"job-{i}").Error("Job {Job} failed", i);
        }

        await rig.CloseAsync();

        Assert.Equal(8, rig.Accepted.Select(e => e.DedupKey).Distinct().Count());
        Assert.DoesNotContain(rig.Listener.Failures, f => f.Message.Contains("NotDelivered", StringComparison.Ordinal));
        Assert.InRange(rig.Emulator.PeakRequestsPerMinute(rig.Key), 8, 10);
        Accounting.AssertNothingLost(rig, 8);
    }

    [Fact]
    public async Task Flush_with_more_pending_than_the_budget_allows_returns_at_its_timeout_naming_what_was_not_sent()
    {
        await using var rig = await MelRig.StartAsync(o =>
        {
            o.RateLimitPerMinute = 10;
            o.ShutdownTimeout = TimeSpan.FromSeconds(5);
        });
        var keys = Enumerable.Range(0, 25).Select(i => $"invoice-{i}").ToList();
        foreach (var key in keys)
        {
            rig.Logger.LogError("Invoice run failed {PagerDutyDedupKey}", key);
        }

        var started = rig.Clock.GetUtcNow();
        var result = await rig.FlushAsync(TimeSpan.FromSeconds(90));

        // 10 at once, 10 more a minute later, and the deadline comes before the third minute's budget.
        Assert.False(result.Completed);
        Assert.InRange(rig.Clock.GetUtcNow() - started, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(92));
        var delivered = rig.Accepted.Select(e => e.DedupKey!).ToList();
        Assert.Equal(20, delivered.Count);
        Assert.Equal(5, result.NotDeliveredCount);
        Assert.Equal(keys.Except(delivered).OrderBy(k => k, StringComparer.Ordinal), result.NotDeliveredDedupKeys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.InRange(rig.Emulator.PeakRequestsPerMinute(rig.Key), 1, 10);

        // Shutdown 5 s later still has no budget: the same five are reported as not delivered, by key.
        await rig.CloseAsync();
        var notDelivered = Assert.Single(rig.Diagnostics.Items, d => d.Kind == PagerDutyDiagnosticKind.NotDelivered && d.Message.Contains("shutdown", StringComparison.Ordinal));
        Assert.Equal(5, notDelivered.Count);
        Assert.Equal(result.NotDeliveredDedupKeys.OrderBy(k => k, StringComparer.Ordinal), notDelivered.DedupKeys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(20, rig.Accepted.Count);
        Assert.Equal(5, rig.Statistics.NotDelivered);
        Accounting.AssertNothingLost(rig, 25);
    }

    [Fact]
    public async Task Flush_and_shutdown_with_a_dead_endpoint_return_at_their_timeouts_and_report_every_pending_key()
    {
        await using var rig = await MelRig.StartAsync(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        await rig.Emulator.DisposeAsync();
        var keys = new[] { "db-primary-down", "cache-evicted", "queue-stuck" };
        foreach (var key in keys)
        {
            rig.Logger.LogCritical("Dependency failed {PagerDutyDedupKey}", key);
        }

        var started = rig.Clock.GetUtcNow();
        var result = await rig.FlushAsync(TimeSpan.FromSeconds(30));

        // Backoff keeps the first event retrying past 30 s (equal jitter: at least 0.5 + 1 + 2 + 4 + 8 + 16 s), so all three are pending.
        Assert.False(result.Completed);
        Assert.InRange(rig.Clock.GetUtcNow() - started, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(32));
        Assert.Equal(3, result.NotDeliveredCount);
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), result.NotDeliveredDedupKeys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Contains(rig.Diagnostics.Items, d => d.Kind == PagerDutyDiagnosticKind.NotDelivered && d.Count == 3);

        await rig.CloseAsync();
        var atShutdown = Assert.Single(rig.Diagnostics.Items, d => d.Kind == PagerDutyDiagnosticKind.NotDelivered && d.Message.Contains("shutdown", StringComparison.Ordinal));
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), atShutdown.DedupKeys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(3, rig.Statistics.NotDelivered);
        Accounting.AssertNothingLost(rig, 3, acceptedByEmulator: 0);
    }

    [Fact]
    public async Task Serilog_close_with_a_dead_endpoint_reports_the_undelivered_events_as_final()
    {
        await using var rig = await SerilogRig.StartAsync(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        await rig.Emulator.DisposeAsync();
        rig.Logger.ForContext("PagerDutyDedupKey", "db-primary-down").Fatal("Database unreachable");
        rig.Logger.ForContext("PagerDutyDedupKey", "cache-evicted").Error("Cache gone");

        await rig.CloseAsync();

        var final = Assert.Single(rig.Listener.Failures, f => f.Kind == LoggingFailureKind.Final);
        Assert.Contains("2 event(s) could not be delivered before shutdown", final.Message, StringComparison.Ordinal);
        Assert.Equal(2, rig.Statistics.NotDelivered);
        Accounting.AssertNothingLost(rig, 2, acceptedByEmulator: 0);
    }
}
