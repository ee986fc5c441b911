using System;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Reliability.Tests.Support;

namespace PagerDutySinks.Reliability.Tests;

/// <summary>The metrics an operator would watch tell the same story as the statistics: nothing disappears without a count.</summary>
[Collection(ProcessWideStateTests.Name)]
public sealed class MeterAccountingTests
{
    [Fact]
    public async Task Meter_counters_account_for_every_event_through_drops_rejections_failures_and_coalescing()
    {
        var totals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "PagerDutySinks")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        meters.Start();

        await using var rig = await SerilogRig.StartAsync(o => o.QueueLimit = 5);

        // Dropped: the consumer is held while 10 events meet a 5-slot buffer.
        rig.Listener.StallOn = "'stall-consumer'";
        rig.Logger.ForContext("PagerDutyAction", "stall-consumer").ForContext("PagerDutyDedupKey", "stall").Error("Stalls the consumer");
        Assert.True(rig.Listener.Stalled.Wait(TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 10; i++)
        {
            rig.Logger.ForContext("PagerDutyDedupKey", "held").Error("Held back {Attempt}", i);
        }

        rig.Listener.Release.Set();
        await rig.FlushAsync(TimeSpan.FromMinutes(1));

        // Rejected, then failed after retries.
        rig.Emulator.Faults.FailNext(1, 400);
        rig.Logger.ForContext("PagerDutyDedupKey", "rejected").Error("Rejected");
        await rig.FlushAsync(TimeSpan.FromMinutes(1));
        rig.Emulator.Faults.FailNext(1000, 503);
        rig.Logger.ForContext("PagerDutyDedupKey", "failed").Error("Failed");
        await rig.FlushAsync(TimeSpan.FromMinutes(5));
        rig.Emulator.Faults.Clear();
        await rig.CloseAsync();

        var stats = rig.Statistics;
        const long Logged = 13;
        Assert.Equal(5, stats.Dropped);
        Assert.Equal(Logged, Total("pagerduty.alerts.enqueued") + Total("pagerduty.alerts.dropped"));
        Assert.Equal(stats.Dropped, Total("pagerduty.alerts.dropped"));
        Assert.Equal(stats.Coalesced, Total("pagerduty.alerts.coalesced"));
        Assert.Equal(stats.Sent, Total("pagerduty.alerts.sent"));
        Assert.Equal(1, Total("pagerduty.alerts.rejected"));
        Assert.Equal(1, Total("pagerduty.alerts.failed"));
        Assert.Equal(rig.Accepted.Count, Total("pagerduty.alerts.sent"));
        Accounting.AssertNothingLost(rig, Logged);

        long Total(string name) => totals.TryGetValue(name, out var value) ? value : 0;
    }
}
