using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

/// <summary>The pipeline with the real client, over HTTP to the emulator on 127.0.0.1.</summary>
public sealed class PipelineEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_first_alert_of_an_idle_pipeline_reaches_the_emulator_at_once()
    {
        await using var emulator = await PagerDutyEmulator.StartAsync();
        await using var h = new PipelineHarness(endpoint: emulator.BaseAddress);
        await h.WaitIdleAsync();

        var elapsed = Stopwatch.StartNew();
        h.Pipeline.Enqueue(PipelineHarness.Candidate("Checkout failed", exception: new InvalidOperationException("no stock")));
        Assert.True(await emulator.WaitForEventsAsync(1, Patience));
        elapsed.Stop();

        var alert = Assert.Single(emulator.Alerts);
        Assert.Equal(AlertStatus.Triggered, alert.Status);
        Assert.Equal("Checkout failed — InvalidOperationException: no stock", alert.Summary);
        Assert.Equal(202, emulator.Events[0].StatusCode);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(2), "took " + elapsed.Elapsed);
        Assert.Equal(PipelineHarness.Start, h.Clock.GetUtcNow());
    }

    // The README's example of the core pipeline on its own, pointed at the emulator instead of the EU endpoint.
    [Fact]
    public async Task The_readme_example_of_the_core_pipeline_pages_and_flushes()
    {
        await using var emulator = await PagerDutyEmulator.StartAsync();
        var exception = new InvalidOperationException("card expired");

        await using var pipeline = new AlertPipeline(new AlertPipelineOptions
        {
            RoutingKey = PipelineHarness.Key,
            Source = "billing-worker",
            ResolveAfter = TimeSpan.FromMinutes(15),
            Client = { Endpoint = PagerDutyEndpoint.Parse(emulator.BaseAddress.ToString()) },
        });

        Assert.True(pipeline.IsEnabled(AlertLevel.Error));
        Assert.True(pipeline.Enqueue(new AlertCandidate
        {
            Level = AlertLevel.Error,
            MessageTemplate = "Invoice {InvoiceId} could not be charged",
            RenderedMessage = "Invoice 42 could not be charged",
            Exception = exception,
            Category = "Billing.Charges",
            Timestamp = DateTimeOffset.UtcNow,
            Properties = [new("InvoiceId", 42)],
        }));

        var flushed = await pipeline.FlushAsync(TimeSpan.FromSeconds(5));

        Assert.True(flushed.Completed);
        var alert = Assert.Single(emulator.Alerts);
        Assert.Equal("Invoice 42 could not be charged — InvalidOperationException: card expired", alert.Summary);
        Assert.Equal(1, pipeline.Statistics.Sent);
    }

    [Fact]
    public async Task Repeated_occurrences_become_one_alert_with_one_update_then_an_explicit_resolve_closes_it()
    {
        await using var emulator = await PagerDutyEmulator.StartAsync();
        await using var h = new PipelineHarness(endpoint: emulator.BaseAddress);
        for (var i = 0; i < 200; i++)
        {
            h.Pipeline.Enqueue(PipelineHarness.Keyed("payments/gateway"));
        }

        Assert.True(await emulator.WaitForEventsAsync(1, Patience));
        await h.AdvanceAsync(h.Options.UpdateInterval);
        Assert.True(await emulator.WaitForEventsAsync(2, Patience));

        var alert = Assert.Single(emulator.AlertsWithDedupKey("payments/gateway"));
        Assert.Equal(2, alert.LogEntries.Count);
        Assert.Equal(200L, (long)alert.LogEntries[1].Body!["payload"]!["custom_details"]!["occurrences"]!);

        h.Pipeline.Enqueue(PipelineHarness.Keyed("payments/gateway", action: "resolve"));
        Assert.True(await emulator.WaitForEventsAsync(3, Patience));
        Assert.Equal(AlertStatus.Resolved, Assert.Single(emulator.AlertsWithDedupKey("payments/gateway")).Status);
        await h.WaitIdleAsync();
        Assert.Equal(3, h.Pipeline.Statistics.Sent);
        Assert.Equal(3, emulator.Events.Count);
    }

    [Fact]
    public async Task A_storm_reaches_the_emulator_as_one_alert_listing_every_problem()
    {
        await using var emulator = await PagerDutyEmulator.StartAsync();
        await using var h = new PipelineHarness(o => o.StormThreshold = 3, endpoint: emulator.BaseAddress);
        for (var i = 0; i < 40; i++)
        {
            h.Pipeline.Enqueue(PipelineHarness.Keyed("svc-" + i));
        }

        await h.WaitIdleAsync();
        var flushed = await h.Pipeline.FlushAsync(Patience).WaitAsync(Patience);

        Assert.True(flushed.Completed);
        var storm = Assert.Single(emulator.AlertsWithDedupKey("v1|storm|" + PipelineHarness.Source));
        var latest = storm.LogEntries[^1].Body!["payload"]!;
        Assert.Equal("Alert storm: 40 distinct problems in 1 min on " + PipelineHarness.Source, (string)latest["summary"]!);
        Assert.Equal(40, latest["custom_details"]!["problems"]!.AsArray().Count);
        Assert.True(emulator.Alerts.Count <= 4, emulator.Alerts.Count + " alerts");
        Assert.All(emulator.Events, e => Assert.Equal(202, e.StatusCode));
    }

    [Fact]
    public async Task Flush_against_a_dead_endpoint_returns_at_the_timeout_with_the_exact_keys_not_delivered()
    {
        var deadEndpoint = new Uri("http://127.0.0.1:" + FreePort() + "/");
        await using var h = new PipelineHarness(o =>
        {
            o.Client.BaseRetryDelay = TimeSpan.FromSeconds(30);
            o.ShutdownTimeout = TimeSpan.FromSeconds(2);
        }, endpoint: deadEndpoint);
        h.Pipeline.Enqueue(PipelineHarness.Keyed("a"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("b"));
        h.Pipeline.Enqueue(PipelineHarness.Keyed("c"));
        await h.WaitProcessedAsync();

        var flushing = h.Pipeline.FlushAsync(TimeSpan.FromSeconds(5));
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        var result = await flushing.WaitAsync(Patience);

        Assert.False(result.Completed);
        Assert.Equal(3, result.NotDeliveredCount);
        Assert.Equal(new[] { "a", "b", "c" }, result.NotDeliveredDedupKeys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(3, Assert.Single(h.DiagnosticsOf(PagerDutyDiagnosticKind.NotDelivered)).Count);

        await h.DisposePipelineAsync();
        var stats = h.Pipeline.Statistics;
        Assert.Equal(0, stats.Sent);
        Assert.Equal(3, stats.NotDelivered + stats.Failed);
        Assert.True(stats.LossAccountingHolds, stats.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
