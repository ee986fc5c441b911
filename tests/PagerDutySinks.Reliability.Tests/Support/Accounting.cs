using System.Linq;
using PagerDutySinks.Pipeline;
using Serilog.Core;

namespace PagerDutySinks.Reliability.Tests.Support;

/// <summary>The loss-accounting checks every fault scenario ends with: nothing disappears without a count.</summary>
internal static class Accounting
{
    /// <summary>
    /// After a flush: every event logged was buffered or dropped; every buffered one was delivered, coalesced, filtered,
    /// rejected, failed, superseded or reported as not delivered; drops, rejections and failures were each reported to the
    /// failure listener; and what the statistics call sent is what the emulator accepted.
    /// </summary>
    public static void AssertNothingLost(SerilogRig rig, long logged, int? acceptedByEmulator = null)
    {
        var stats = rig.Statistics;
        Assert.True(stats.LossAccountingHolds, "loss accounting does not balance: " + stats);
        Assert.Equal(logged, stats.Enqueued + stats.Dropped);
        Assert.Equal(stats.Enqueued + stats.Generated,
            stats.Filtered + stats.Coalesced + stats.Sent + stats.Rejected + stats.Failed + stats.Superseded + stats.NotDelivered + stats.Pending);

        var failures = rig.Listener.Failures;
        Assert.Equal(stats.Dropped, rig.Listener.DroppedEvents);
        Assert.Equal(stats.Rejected, failures.Count(f => f.Message.Contains("PagerDuty Rejected", System.StringComparison.Ordinal)));
        Assert.Equal(stats.Failed, failures.Count(f => f.Message.Contains("PagerDuty Failed", System.StringComparison.Ordinal)));
        Assert.Equal(stats.Sent, acceptedByEmulator ?? rig.Accepted.Count);
    }

    /// <summary>The same checks for the MEL provider, against its <c>OnDiagnostic</c> callback.</summary>
    public static void AssertNothingLost(MelRig rig, long logged, int? acceptedByEmulator = null)
    {
        var stats = rig.Statistics;
        Assert.True(stats.LossAccountingHolds, "loss accounting does not balance: " + stats);
        Assert.Equal(logged, stats.Enqueued + stats.Dropped);
        Assert.Equal(stats.Dropped, rig.Diagnostics.CountOf(PagerDutyDiagnosticKind.Dropped));
        Assert.Equal(stats.Rejected, rig.Diagnostics.CountOf(PagerDutyDiagnosticKind.Rejected));
        Assert.Equal(stats.Failed, rig.Diagnostics.CountOf(PagerDutyDiagnosticKind.Failed));
        Assert.Equal(stats.Sent, acceptedByEmulator ?? rig.Accepted.Count);
    }
}
