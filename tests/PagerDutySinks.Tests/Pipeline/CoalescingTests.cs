using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class CoalescingTests
{
    [Fact]
    public async Task The_first_alert_of_an_idle_pipeline_goes_out_without_any_clock_advance()
    {
        await using var h = new PipelineHarness();
        await h.WaitIdleAsync();

        var elapsed = Stopwatch.StartNew();
        h.Pipeline.Enqueue(PipelineHarness.Candidate("first"));
        await h.Sender.WaitForEventsAsync(1);

        Assert.Equal(PipelineHarness.Start, h.Clock.GetUtcNow());
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(2), "took " + elapsed.Elapsed);
        Assert.Equal(EventAction.Trigger, h.Sender.Events[0].EventAction);
    }

    [Fact]
    public async Task A_thousand_occurrences_make_one_trigger_at_once_and_one_update_per_interval()
    {
        await using var h = new PipelineHarness();
        for (var i = 0; i < 1000; i++)
        {
            var candidate = PipelineHarness.Candidate("Disk {Disk} full");
            candidate.RenderedMessage = "Disk " + i + " full";
            candidate.Timestamp = PipelineHarness.Start.AddMilliseconds(i);
            Assert.True(h.Pipeline.Enqueue(candidate));
        }

        await h.Sender.WaitForEventsAsync(1);
        await h.WaitIdleAsync();
        Assert.Single(h.Sender.Events);
        Assert.Equal(999, h.Pipeline.Statistics.Coalesced);

        await h.AdvanceAsync(h.Options.UpdateInterval - TimeSpan.FromSeconds(1));
        Assert.Single(h.Sender.Events);

        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, h.Sender.Events.Count);
        var update = h.Sender.Events[1];
        Assert.Equal(EventAction.Trigger, update.EventAction);
        Assert.Equal(h.Sender.Events[0].DedupKey, update.DedupKey);
        var details = FakeSender.Details(update);
        Assert.Equal(1000L, (long)details["occurrences"]!);
        Assert.Equal(PipelineHarness.Start, details["first_seen"]!.GetValue<DateTimeOffset>());
        Assert.Equal(PipelineHarness.Start.AddMilliseconds(999), details["last_seen"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Disk 999 full", update.Payload!.Summary);

        // Nothing new happened: no further updates.
        await h.AdvanceAsync(h.Options.UpdateInterval * 3);
        Assert.Equal(2, h.Sender.Events.Count);
    }

    [Fact]
    public async Task Occurrences_after_the_repeat_interval_trigger_afresh()
    {
        await using var h = new PipelineHarness(o =>
        {
            o.UpdateInterval = TimeSpan.FromMinutes(5);
            o.RepeatInterval = TimeSpan.FromMinutes(30);
        });

        h.Pipeline.Enqueue(PipelineHarness.Candidate("Queue stuck"));
        await h.Sender.WaitForEventsAsync(1);
        for (var minute = 10; minute <= 30; minute += 10)
        {
            await h.AdvanceAsync(TimeSpan.FromMinutes(10));
            h.Pipeline.Enqueue(PipelineHarness.Candidate("Queue stuck"));
            await h.WaitIdleAsync();
        }

        // t=10 and t=20 were updates (each after its own interval); t=30 reached the repeat interval: a fresh trigger.
        await h.WaitIdleAsync();
        var events = h.Sender.Events;
        var last = events[^1];
        Assert.Equal(1L, (long)FakeSender.Details(last)["occurrences"]!);
        Assert.Equal(h.Clock.GetUtcNow() - TimeSpan.FromMinutes(30), PipelineHarness.Start);
        Assert.All(events, e => Assert.Equal(events[0].DedupKey, e.DedupKey));
        Assert.Equal(new long[] { 1, 2, 3, 1 }, events.Select(e => (long)FakeSender.Details(e)["occurrences"]!).ToArray());
    }
}
