using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class BufferTests
{
    [Fact]
    public async Task A_full_buffer_drops_counts_reports_and_carries_the_drop_count_into_the_next_event()
    {
        await using var h = new PipelineHarness(o => o.QueueLimit = 5);
        using var blocker = new BlockingProperties();

        // The consumer stalls on the first candidate, so the buffer fills behind it.
        var first = PipelineHarness.Candidate("first");
        first.Properties = blocker;
        Assert.True(h.Pipeline.Enqueue(first));
        Assert.True(blocker.Entered.Wait(TimeSpan.FromSeconds(10)));

        var accepted = 0;
        for (var i = 0; i < 12; i++)
        {
            if (h.Pipeline.Enqueue(PipelineHarness.Candidate("same problem")))
            {
                accepted++;
            }
        }

        Assert.Equal(5, accepted);
        Assert.Equal(7, h.Pipeline.Statistics.Dropped);

        blocker.Release.Set();
        await h.Sender.WaitForEventsAsync(2);
        await h.WaitIdleAsync();

        var firstSent = h.Sender.Events[0];
        Assert.Equal(7L, (long)FakeSender.Details(firstSent)["dropped_events"]!);
        Assert.False(FakeSender.Details(h.Sender.Events[1]).ContainsKey("dropped_events"));
        Assert.Equal(7, h.DiagnosticsOf(PagerDutyDiagnosticKind.Dropped).Sum(d => d.Count));
    }

    [Fact]
    public async Task Enqueue_after_dispose_returns_false_and_counts_as_dropped()
    {
        var h = new PipelineHarness();
        await h.DisposePipelineAsync();

        Assert.False(h.Pipeline.Enqueue(PipelineHarness.Candidate()));
        Assert.Equal(1, h.Pipeline.Statistics.Dropped);
        Assert.Equal(0, h.Pipeline.Statistics.Enqueued);
    }

    /// <summary>A property list whose first read blocks until released: holds the consumer still.</summary>
    private sealed class BlockingProperties : IReadOnlyList<KeyValuePair<string, object?>>, IDisposable
    {
        private int _blocked;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public int Count
        {
            get
            {
                if (Interlocked.Exchange(ref _blocked, 1) == 0)
                {
                    Entered.Set();
                    Release.Wait(TimeSpan.FromSeconds(10));
                }

                return 0;
            }
        }

        public KeyValuePair<string, object?> this[int index] => throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, object?>>().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public void Dispose()
        {
            Release.Set();
            Entered.Dispose();
            Release.Dispose();
        }
    }
}
