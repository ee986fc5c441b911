using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PagerDutySinks.Pipeline;
using PagerDutySinks.Reliability.Tests.Support;

namespace PagerDutySinks.Reliability.Tests;

/// <summary>A 400 for one event of a burst: that event reported with PagerDuty's reasons and dropped, the rest delivered.</summary>
public sealed class RejectionTests
{
    private const string Reasons = "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"Length of 'summary' is incorrect (custom reason 4711)\"]}";

    [Fact]
    public async Task One_rejected_event_in_a_burst_is_reported_with_the_reasons_and_the_others_go_through()
    {
        await using var rig = await MelRig.StartAsync();
        rig.Emulator.Faults.FailNext(1, 400, Reasons);

        const int Logged = 8;
        for (var i = 0; i < Logged; i++)
        {
            rig.Logger.LogError("Refund {RefundId} failed {PagerDutyDedupKey}", i, $"refund-{i}");
        }

        var result = await rig.FlushAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.Completed);
        var rejectedRequest = Assert.Single(rig.Received, e => e.StatusCode == 400);
        var rejected = Assert.Single(rig.Diagnostics.Items, d => d.Kind == PagerDutyDiagnosticKind.Rejected);
        Assert.Equal(new[] { rejectedRequest.DedupKey! }, rejected.DedupKeys);
        Assert.Contains("custom reason 4711", rejected.Message, StringComparison.Ordinal);

        // Not retried: the rejected key was sent once, every other key was accepted.
        Assert.Single(rig.Received, e => e.DedupKey == rejectedRequest.DedupKey);
        var expected = Enumerable.Range(0, Logged).Select(i => $"refund-{i}").Where(k => k != rejectedRequest.DedupKey);
        Assert.Equal(expected.OrderBy(k => k, StringComparer.Ordinal), rig.Accepted.Select(e => e.DedupKey!).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(1, rig.Statistics.Rejected);
        Accounting.AssertNothingLost(rig, Logged);
    }

    [Fact]
    public async Task One_rejected_event_in_a_burst_is_reported_to_the_serilog_failure_listener()
    {
        await using var rig = await SerilogRig.StartAsync();
        rig.Emulator.Faults.FailNext(1, 400, Reasons);

        for (var i = 0; i < 5; i++)
        {
            rig.Logger.ForContext("PagerDutyDedupKey", $"refund-{i}").Error("Refund {RefundId} failed", i);
        }

        var result = await rig.FlushAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.Completed);
        var failure = Assert.Single(rig.Listener.Failures, f => f.Message.Contains("Rejected", StringComparison.Ordinal));
        Assert.Equal(global::Serilog.Core.LoggingFailureKind.Permanent, failure.Kind);
        Assert.Contains("custom reason 4711", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, rig.Accepted.Count);
        Accounting.AssertNothingLost(rig, 5);
    }
}
