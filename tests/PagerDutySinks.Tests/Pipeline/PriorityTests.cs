using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class PriorityTests
{
    [Fact]
    public async Task Under_a_tight_rate_limit_new_critical_go_first_then_new_triggers_then_actions_then_updates()
    {
        using var gate = new SemaphoreSlim(0);
        await using var h = new PipelineHarness(sender: new FakeSender { Gate = gate });

        h.Pipeline.Enqueue(PipelineHarness.Keyed("old"));
        await h.Sender.WaitForAttemptsAsync(1);

        // While "old" is held by the rate limit: an update for it, a resolve, a new error and a new critical.
        h.Pipeline.Enqueue(PipelineHarness.Keyed("old"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("gone", action: "resolve"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("new-error", AlertLevel.Error));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("new-critical", AlertLevel.Fatal));
        await h.WaitProcessedAsync();
        h.Clock.Advance(h.Options.UpdateInterval);

        for (var sent = 1; sent <= 5; sent++)
        {
            gate.Release();
            await h.Sender.WaitForEventsAsync(sent);
        }

        var order = h.Sender.Events.Select(e => e.DedupKey + ":" + e.EventAction.ToWire()).ToArray();
        Assert.Equal(new[] { "old:trigger", "new-critical:trigger", "new-error:trigger", "gone:resolve", "old:trigger" }, order);
        Assert.Equal(2L, (long)FakeSender.Details(h.Sender.Events[4])["occurrences"]!);
    }
}
