using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class StormTests
{
    [Fact]
    public async Task More_new_keys_than_the_threshold_within_the_window_become_one_storm_alert()
    {
        using var gate = new SemaphoreSlim(0);
        await using var h = new PipelineHarness(sender: new FakeSender { Gate = gate });

        // The first send is held (a busy rate limit) while 15 distinct problems arrive.
        h.Pipeline.Enqueue(PipelineHarness.Keyed("problem-1"));
        await h.Sender.WaitForAttemptsAsync(1);
        for (var i = 2; i <= 15; i++)
        {
            h.Pipeline.Enqueue(PipelineHarness.Keyed("problem-" + i));
        }

        await h.WaitProcessedAsync();
        gate.Release(100);
        await h.WaitIdleAsync();

        var events = h.Sender.Events;
        Assert.Equal(2, events.Count);
        Assert.Equal("problem-1", events[0].DedupKey);
        var storm = events[1];
        Assert.Equal("v1|storm|" + PipelineHarness.Source, storm.DedupKey);
        Assert.Equal("Alert storm: 15 distinct problems in 1 min on " + PipelineHarness.Source, storm.Payload!.Summary);
        var problems = FakeSender.Details(storm)["problems"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 15).Select(i => "problem-" + i), problems.Select(p => (string)p!["dedup_key"]!));
        Assert.All(problems, p => Assert.Equal(1L, (long)p!["count"]!));
        Assert.Equal("Problem problem-7", (string)problems[6]!["summary"]!);
        Assert.Equal(1, h.Pipeline.Statistics.StormAlerts);

        // A new key during the storm joins the storm alert's next update instead of paging.
        h.Pipeline.Enqueue(PipelineHarness.Keyed("problem-16"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("problem-3"));
        await h.WaitIdleAsync();
        Assert.Equal(2, h.Sender.Events.Count);
        await h.AdvanceAsync(h.Options.UpdateInterval);

        var update = Assert.Single(h.Sender.Events.Skip(2));
        Assert.Equal(storm.DedupKey, update.DedupKey);
        Assert.StartsWith("Alert storm: 16 distinct problems", update.Payload!.Summary, StringComparison.Ordinal);
        var listed = FakeSender.Details(update)["problems"]!.AsArray();
        Assert.Equal(16, listed.Count);
        Assert.Equal(2L, (long)listed.Single(p => (string)p!["dedup_key"]! == "problem-3")!["count"]!);
        Assert.True(h.Pipeline.Statistics.LossAccountingHolds, h.Pipeline.Statistics.ToString());
    }

    [Fact]
    public async Task A_storm_of_huge_events_stays_within_the_event_size_limit()
    {
        await using var h = new PipelineHarness(o => o.StormThreshold = 2);
        var huge = new string('x', 50_000);
        for (var i = 0; i < 2000; i++)
        {
            var candidate = PipelineHarness.Keyed(new string('k', 200) + i);
            candidate.RenderedMessage = huge;
            h.Pipeline.Enqueue(candidate);
        }

        await h.WaitIdleAsync();
        await h.AdvanceAsync(h.Options.UpdateInterval);

        var storms = h.Sender.Events.Where(e => e.DedupKey!.StartsWith("v1|storm|", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(storms);
        foreach (var storm in storms)
        {
            var bytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(storm, PagerDutyJsonContext.Default.AlertEvent));
            Assert.True(bytes < EventLimits.MaxEventBytes, bytes + " bytes");
        }

        var last = FakeSender.Details(storms[^1]);
        Assert.Equal(2000, (int)last["distinct_problems"]!);
        Assert.True((int)last["problems_not_listed"]! > 0);
    }

    [Fact]
    public async Task Tracked_keys_stay_bounded_with_a_hundred_thousand_distinct_keys()
    {
        await using var h = new PipelineHarness(o =>
        {
            o.QueueLimit = 200_000;
            o.MaxTrackedKeys = 10_000;
        });

        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(h.Pipeline.Enqueue(PipelineHarness.Keyed("key-" + i)));
        }

        await h.WaitIdleAsync();
        Assert.True(h.Pipeline.TrackedKeys <= 10_000, h.Pipeline.TrackedKeys + " keys tracked");
        var stats = h.Pipeline.Statistics;
        Assert.Equal(100_000, stats.Processed);
        Assert.Equal(1, stats.StormAlerts);
        Assert.True(h.Sender.Events.Count <= 11 + 1, h.Sender.Events.Count + " events");
        Assert.True(stats.LossAccountingHolds, stats.ToString());

        // Keys seen again after being forgotten are treated as new, and tracking still stays bounded.
        for (var i = 0; i < 20_000; i++)
        {
            h.Pipeline.Enqueue(PipelineHarness.Keyed("key-" + i));
        }

        await h.WaitIdleAsync();
        Assert.True(h.Pipeline.TrackedKeys <= 10_000);
    }
}
