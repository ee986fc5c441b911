using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task Counters_are_published_on_the_PagerDutySinks_meter_without_the_routing_key()
    {
        await using var h = new PipelineHarness(o => o.QueueLimit = 1000);
        var measurements = new ConcurrentQueue<(string Name, long Value, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, h.Pipeline.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        listener.Start();

        h.Sender.Respond = e => e.DedupKey == "bad"
            ? new SendResult(SendOutcome.Rejected, statusCode: 400, message: "Event object is invalid", errors: new[] { "'payload.summary' is missing" })
            : e.DedupKey == "slow" ? new SendResult(SendOutcome.Throttled, statusCode: 429) : new SendResult(SendOutcome.Accepted, e.DedupKey, 202);
        h.Pipeline.Enqueue(PipelineHarness.Keyed("good"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("good"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("bad"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("slow"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("good", action: "resolve"));
        await h.Sender.WaitForEventsAsync(4);
        await h.WaitIdleAsync();

        long Sum(string name, string? action = null) => measurements
            .Where(m => m.Name == name && (action is null || m.Tags.Any(t => t.Key == "action" && (string?)t.Value == action)))
            .Sum(m => m.Value);
        Assert.Equal(PipelineMetrics.MeterName, h.Pipeline.Meter.Name);
        Assert.Equal(5, Sum("pagerduty.alerts.enqueued"));
        Assert.Equal(1, Sum("pagerduty.alerts.coalesced"));
        Assert.Equal(1, Sum("pagerduty.alerts.sent", "trigger"));
        Assert.Equal(1, Sum("pagerduty.alerts.sent", "resolve"));
        Assert.Equal(1, Sum("pagerduty.alerts.rejected"));
        Assert.Equal(1, Sum("pagerduty.alerts.throttled"));
        Assert.Equal(1, Sum("pagerduty.alerts.failed"));
        Assert.DoesNotContain(measurements.SelectMany(m => m.Tags), t => t.Value is string s && s.Contains(PipelineHarness.Key, StringComparison.Ordinal));

        var rejected = Assert.Single(h.DiagnosticsOf(PagerDutyDiagnosticKind.Rejected));
        Assert.Contains("'payload.summary' is missing", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "bad" }, rejected.DedupKeys);
        Assert.Single(h.DiagnosticsOf(PagerDutyDiagnosticKind.Failed));
        Assert.DoesNotContain(h.Diagnostics, d => d.Message.Contains(PipelineHarness.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_throwing_diagnostics_callback_breaks_nothing()
    {
        var calls = 0;
        await using var h = new PipelineHarness(o =>
        {
            o.QueueLimit = 2;
            o.Diagnostics = _ =>
            {
                calls++;
                throw new InvalidOperationException("callback bug");
            };
        });
        h.Sender.Respond = e => e.DedupKey == "bad" ? new SendResult(SendOutcome.Rejected, statusCode: 400) : new SendResult(SendOutcome.Accepted, e.DedupKey, 202);

        h.Pipeline.Enqueue(PipelineHarness.Keyed("bad"));
        h.Pipeline.Enqueue(PipelineHarness.Candidate("no key", properties: ("PagerDutyAction", "resolve")));
        await h.WaitIdleAsync();
        h.Pipeline.Enqueue(PipelineHarness.Keyed("fine"));
        await h.Sender.WaitForEventsAsync(2);
        await h.WaitIdleAsync();

        Assert.True(calls >= 2);
        Assert.Equal("fine", h.Sender.Events[^1].DedupKey);
        var stats = h.Pipeline.Statistics;
        Assert.Equal(1, stats.Sent);
        Assert.Equal(1, stats.Rejected);
        Assert.True(stats.LossAccountingHolds, stats.ToString());
    }

    [Fact]
    public async Task Every_candidate_is_accounted_for()
    {
        await using var h = new PipelineHarness(o =>
        {
            o.StormThreshold = 3;
            o.QueueLimit = 100;
        });
        h.Sender.Respond = e => e.DedupKey switch
        {
            "rejected" => new SendResult(SendOutcome.Rejected, statusCode: 400),
            "failed" => new SendResult(SendOutcome.Failed, statusCode: 503),
            _ => new SendResult(SendOutcome.Accepted, e.DedupKey, 202),
        };

        var offered = 0;
        void Offer(AlertCandidate c)
        {
            offered++;
            h.Pipeline.Enqueue(c);
        }

        Offer(PipelineHarness.Keyed("rejected"));
        Offer(PipelineHarness.Keyed("failed"));
        Offer(PipelineHarness.Keyed("ok"));
        for (var i = 0; i < 10; i++)
        {
            Offer(PipelineHarness.Keyed("ok"));
        }

        Offer(PipelineHarness.Candidate("ignored", category: "Polly.Retry"));
        await h.Sender.WaitForEventsAsync(3);
        await h.WaitIdleAsync();
        for (var i = 0; i < 5; i++)
        {
            Offer(PipelineHarness.Keyed("storm-" + i));
        }

        await h.WaitIdleAsync();
        await h.Pipeline.FlushAsync(TimeSpan.FromSeconds(10)).WaitAsync(TimeSpan.FromSeconds(10));
        await h.WaitIdleAsync();

        var s = h.Pipeline.Statistics;
        Assert.Equal(offered, s.Enqueued + s.Dropped);
        Assert.Equal(0, s.Dropped);
        Assert.Equal(0, s.Pending);
        Assert.Equal(1, s.Filtered);
        Assert.Equal(1, s.Rejected);
        Assert.Equal(1, s.Failed);
        Assert.Equal(1, s.StormAlerts);
        Assert.True(s.LossAccountingHolds, s.ToString());
        Assert.Equal(s.Enqueued + s.Generated, s.Filtered + s.Coalesced + s.Sent + s.Rejected + s.Failed + s.Superseded + s.NotDelivered + s.Pending);
        Assert.Equal(s.Sent + s.Rejected + s.Failed, h.Sender.Events.Count);
    }
}
