using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class AlertEventMappingTests
{
    [Fact]
    public async Task A_candidate_maps_onto_every_payload_field()
    {
        await using var h = new PipelineHarness(o =>
        {
            o.Group = "checkout";
            o.ClientName = "Orders API";
            o.ClientUrl = "https://orders.example.com";
            o.Links.Add(new Link { Href = "https://logs.example.com/?q={Category}&order={OrderId}", Text = "Logs" });
            o.Images.Add(new Image { Src = "https://example.com/graph.png" });
        });
        var exception = new InvalidOperationException("stock unavailable");
        var candidate = PipelineHarness.Candidate("Order {OrderId} failed", exception: exception, properties: ("OrderId", "a b&c"));
        candidate.Timestamp = PipelineHarness.Start.AddSeconds(3);

        h.Pipeline.Enqueue(candidate);
        await h.Sender.WaitForEventsAsync(1);
        var alert = h.Sender.Events[0];

        Assert.Equal(PipelineHarness.Key, alert.RoutingKey);
        Assert.Equal("Order 42 failed — InvalidOperationException: stock unavailable", alert.Payload!.Summary);
        Assert.Equal(PipelineHarness.Source, alert.Payload.Source);
        Assert.Equal(Severity.Error, alert.Payload.Severity);
        Assert.Equal("App.Orders", alert.Payload.Component);
        Assert.Equal("checkout", alert.Payload.Group);
        Assert.Equal("System.InvalidOperationException", alert.Payload.Class);
        Assert.Equal(PipelineHarness.Start.AddSeconds(3), alert.Payload.Timestamp);
        Assert.Equal("Orders API", alert.Client);
        Assert.Equal("https://orders.example.com", alert.ClientUrl);
        Assert.Equal("https://logs.example.com/?q=App.Orders&order=a%20b%26c", Assert.Single(alert.Links!).Href);
        Assert.Equal("https://example.com/graph.png", Assert.Single(alert.Images!).Src);
        var details = FakeSender.Details(alert);
        Assert.Equal("a b&c", (string)details["OrderId"]!);
        Assert.Equal("Order {OrderId} failed", (string)details["message_template"]!);
        Assert.Equal("System.InvalidOperationException", (string)details["exception"]!["type"]!);
        Assert.Equal("stock unavailable", (string)details["exception"]!["message"]!);
        Assert.Equal(1L, (long)details["occurrences"]!);
    }

    [Fact]
    public async Task Lazy_rendering_long_messages_and_hostile_exceptions_still_give_a_valid_summary()
    {
        await using var h = new PipelineHarness();
        var lazy = PipelineHarness.Candidate("Lazy {X}");
        lazy.RenderedMessage = null;
        lazy.RenderMessage = c => "rendered on the consumer";
        var throwingRenderer = PipelineHarness.Candidate("Fallback {X}");
        throwingRenderer.RenderedMessage = null;
        throwingRenderer.RenderMessage = _ => throw new FormatException();
        var huge = PipelineHarness.Candidate("Huge");
        huge.RenderedMessage = new string('h', 5000);
        var hostile = PipelineHarness.Candidate("Hostile", exception: new HostileException());

        foreach (var c in new[] { lazy, throwingRenderer, huge, hostile })
        {
            h.Pipeline.Enqueue(c);
        }

        await h.Sender.WaitForEventsAsync(4);
        var summaries = h.Sender.Events.Select(e => e.Payload!.Summary).ToList();
        Assert.Contains("rendered on the consumer", summaries);
        Assert.Contains("Fallback {X}", summaries);
        Assert.Contains(summaries, s => s.Length == EventLimits.MaxSummaryLength && s.StartsWith("hhhh", StringComparison.Ordinal));
        Assert.Contains("Hostile — HostileException: [unreadable: InvalidOperationException]", summaries);
    }

    [Fact]
    public async Task Redacted_values_are_masked_in_the_summary_too()
    {
        await using var h = new PipelineHarness();
        var candidate = PipelineHarness.Candidate("Login for {User} with {Password} failed", properties: new (string, object?)[] { ("User", "ann"), ("Password", "hunter2") });
        candidate.RenderedMessage = "Login for \"ann\" with \"hunter2\" failed";

        h.Pipeline.Enqueue(candidate);
        await h.Sender.WaitForEventsAsync(1);

        var alert = h.Sender.Events[0];
        Assert.Equal("Login for \"ann\" with \"[redacted]\" failed", alert.Payload!.Summary);
        Assert.DoesNotContain("hunter2", System.Text.Json.JsonSerializer.Serialize(alert, PagerDutyJsonContext.Default.AlertEvent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_candidate_degrades_to_a_minimal_event_and_reports_it()
    {
        await using var h = new PipelineHarness(o => o.Source = null);
        var broken = PipelineHarness.Candidate("Broken {X}");
        broken.Properties = new BrokenList();

        h.Pipeline.Enqueue(broken);
        await h.Sender.WaitForEventsAsync(1);
        await h.WaitIdleAsync();

        var alert = h.Sender.Events[0];
        Assert.Equal("Broken {X}", alert.Payload!.Summary);
        Assert.Equal(Environment.MachineName, alert.Payload.Source);
        Assert.True((bool)FakeSender.Details(alert)["degraded"]!);
        Assert.Single(h.DiagnosticsOf(PagerDutyDiagnosticKind.Degraded));
        Assert.Equal(1, h.Pipeline.Statistics.Sent);
    }

    private sealed class HostileException : Exception
    {
        public override string Message => throw new InvalidOperationException();

        public override string? StackTrace => throw new InvalidOperationException();

        public override string ToString() => throw new InvalidOperationException();
    }

    private sealed class BrokenList : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => throw new InvalidOperationException("broken");

        public KeyValuePair<string, object?> this[int index] => throw new InvalidOperationException("broken");

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => throw new InvalidOperationException("broken");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
