using System;
using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class ResolveTests
{
    [Fact]
    public async Task A_key_quiet_for_the_resolve_period_is_resolved_and_not_before()
    {
        await using var h = new PipelineHarness(o => o.ResolveAfter = TimeSpan.FromMinutes(15));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("db-down"));
        await h.Sender.WaitForEventsAsync(1);

        await h.AdvanceAsync(TimeSpan.FromMinutes(10));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("db-down"));
        await h.AdvanceAsync(TimeSpan.FromMinutes(14));

        // An update went out at 10 min (its interval had passed); the quiet period restarted then.
        Assert.DoesNotContain(h.Sender.Events, e => e.EventAction == EventAction.Resolve);

        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        var resolve = h.Sender.Events[^1];
        Assert.Equal(EventAction.Resolve, resolve.EventAction);
        Assert.Equal("db-down", resolve.DedupKey);
        Assert.Null(resolve.Payload);

        // After the resolve, the next occurrence is a new alert: a fresh trigger.
        h.Pipeline.Enqueue(PipelineHarness.Keyed("db-down"));
        await h.WaitIdleAsync();
        Assert.Equal(EventAction.Trigger, h.Sender.Events[^1].EventAction);
        Assert.Equal(1L, (long)FakeSender.Details(h.Sender.Events[^1])["occurrences"]!);
    }

    [Fact]
    public async Task Explicit_acknowledge_and_resolve_are_sent_with_their_dedup_key()
    {
        await using var h = new PipelineHarness();
        h.Pipeline.Enqueue(PipelineHarness.Keyed("job-7"));
        await h.Sender.WaitForEventsAsync(1);
        h.Pipeline.Enqueue(PipelineHarness.Keyed("job-7", AlertLevel.Error, "ACK"));
        await h.Sender.WaitForEventsAsync(2);
        h.Pipeline.Enqueue(PipelineHarness.Keyed("job-7", AlertLevel.Error, "resolve"));
        await h.Sender.WaitForEventsAsync(3);
        h.Pipeline.Enqueue(PipelineHarness.Keyed("job-7"));
        await h.Sender.WaitForEventsAsync(4);

        Assert.Equal(
            new[] { EventAction.Trigger, EventAction.Acknowledge, EventAction.Resolve, EventAction.Trigger },
            h.Sender.Events.Select(e => e.EventAction).ToArray());
        Assert.All(h.Sender.Events, e => Assert.Equal("job-7", e.DedupKey));
    }

    [Fact]
    public async Task A_resolve_without_a_dedup_key_reports_a_configuration_problem_and_sends_nothing()
    {
        await using var h = new PipelineHarness();
        Assert.True(h.Pipeline.Enqueue(PipelineHarness.Candidate("Done", properties: ("PagerDutyAction", "resolve"))));
        Assert.True(h.Pipeline.Enqueue(PipelineHarness.Candidate("Odd", properties: ("PagerDutyAction", "explode"))));
        await h.WaitIdleAsync();

        var problems = h.DiagnosticsOf(PagerDutyDiagnosticKind.Configuration).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, d => d.Message.Contains("PagerDutyDedupKey", StringComparison.Ordinal));
        // The unknown action is treated as a trigger; the resolve is dropped as filtered.
        Assert.Equal("Odd", Assert.Single(h.Sender.Events).Payload!.Summary);
        Assert.Equal(1, h.Pipeline.Statistics.Filtered);
    }
}
