using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class FlushTests
{
    [Fact]
    public async Task Flush_sends_pending_updates_at_once_regardless_of_the_update_interval()
    {
        await using var h = new PipelineHarness();
        for (var i = 0; i < 5; i++)
        {
            h.Pipeline.Enqueue(PipelineHarness.Candidate("Cache miss storm"));
        }

        await h.Sender.WaitForEventsAsync(1);
        await h.WaitIdleAsync();

        var result = await h.Pipeline.FlushAsync(TimeSpan.FromSeconds(10)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.Completed);
        Assert.Equal(0, result.NotDeliveredCount);
        Assert.Equal(2, h.Sender.Events.Count);
        Assert.Equal(5L, (long)FakeSender.Details(h.Sender.Events[1])["occurrences"]!);
        Assert.Equal(PipelineHarness.Start, h.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Flush_against_a_dead_endpoint_returns_at_the_timeout_with_exactly_what_was_not_delivered()
    {
        await using var h = new PipelineHarness(sender: new FakeSender { Hang = true });
        h.Pipeline.Enqueue(PipelineHarness.Keyed("a"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("b"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("c"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("a"));
        await h.WaitProcessedAsync();

        var flushing = h.Pipeline.FlushAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(20);
        Assert.False(flushing.IsCompleted);
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        var result = await flushing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(result.Completed);
        // Three triggers (one in flight) and the update for "a" that was flushed out of its interval.
        Assert.Equal(4, result.NotDeliveredCount);
        Assert.Equal(new[] { "a", "a", "b", "c" }, result.NotDeliveredDedupKeys.OrderBy(k => k, StringComparer.Ordinal));
        var reported = Assert.Single(h.DiagnosticsOf(PagerDutyDiagnosticKind.NotDelivered));
        Assert.Equal(4, reported.Count);

        // Shutdown gives up after its own timeout and accounts for everything.
        h.Diagnostics.Clear();
        await h.DisposePipelineAsync();
        var stats = h.Pipeline.Statistics;
        Assert.Equal(4, stats.NotDelivered);
        Assert.Equal(0, stats.Pending);
        Assert.True(stats.LossAccountingHolds, stats.ToString());
        Assert.Equal(4, Assert.Single(h.DiagnosticsOf(PagerDutyDiagnosticKind.NotDelivered)).Count);
    }

    [Fact]
    public async Task Dispose_from_a_blocking_synchronization_context_does_not_deadlock()
    {
        var h = new PipelineHarness(o => o.ShutdownTimeout = TimeSpan.Zero);
        h.Pipeline.Enqueue(PipelineHarness.Candidate("last words"));
        await h.Sender.WaitForEventsAsync(1);

        var disposing = Task.Factory.StartNew(() =>
        {
            SynchronizationContext.SetSynchronizationContext(new NeverRunsContext());
            h.Pipeline.Dispose();
            h.Pipeline.Dispose();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(h.Pipeline.Enqueue(PipelineHarness.Candidate("too late")));
    }

    [Fact]
    public async Task Dispose_delivers_what_is_pending()
    {
        var h = new PipelineHarness();
        h.Pipeline.Enqueue(PipelineHarness.Candidate("one"));
        h.Pipeline.Enqueue(PipelineHarness.Candidate("one"));
        h.Pipeline.Enqueue(PipelineHarness.Candidate("two"));
        await h.Pipeline.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, h.Sender.Events.Count);
        Assert.Equal(3, h.Pipeline.Statistics.Sent);
        Assert.Empty(h.DiagnosticsOf(PagerDutyDiagnosticKind.NotDelivered));
    }

    /// <summary>A context that never runs posted work, like a UI thread blocked in Dispose().</summary>
    private sealed class NeverRunsContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
        }
    }
}
