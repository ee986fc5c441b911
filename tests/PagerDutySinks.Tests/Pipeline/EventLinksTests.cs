using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class EventLinksTests
{
    [Fact]
    public async Task Event_links_images_and_group_follow_the_configured_ones_and_stay_out_of_custom_details()
    {
        await using var h = new PipelineHarness(o =>
        {
            o.Group = "checkout";
            o.Links.Add(new Link { Href = "https://runbooks.example.com/orders", Text = "Runbook" });
            o.Images.Add(new Image { Src = "https://example.com/graph.png" });
        });
        var candidate = PipelineHarness.Candidate(properties: new (string, object?)[]
        {
            ("PagerDutyLinks", new object[]
            {
                "https://runbooks.example.com/orders",
                "https://trace.example.com/t/1",
                new Dictionary<string, object?> { ["Href"] = "https://logs.example.com/q", ["Text"] = "Logs" },
            }),
            ("PagerDutyImages", new Dictionary<string, object?> { ["src"] = "https://example.com/cpu.png", ["href"] = "https://grafana.example.com", ["alt"] = "CPU" }),
            ("PagerDutyGroup", "payments"),
            ("OrderId", 42),
        });

        h.Pipeline.Enqueue(candidate);
        await h.Sender.WaitForEventsAsync(1);
        var alert = h.Sender.Events[0];

        Assert.Equal(
            new[] { "https://runbooks.example.com/orders|Runbook", "https://trace.example.com/t/1|", "https://logs.example.com/q|Logs" },
            alert.Links!.Select(l => l.Href + "|" + l.Text));
        Assert.Equal(new[] { "https://example.com/graph.png", "https://example.com/cpu.png" }, alert.Images!.Select(i => i.Src));
        Assert.Equal("https://grafana.example.com", alert.Images![1].Href);
        Assert.Equal("CPU", alert.Images[1].Alt);
        Assert.Equal("payments", alert.Payload!.Group);
        var details = FakeSender.Details(alert);
        Assert.False(details.ContainsKey("PagerDutyLinks"));
        Assert.False(details.ContainsKey("PagerDutyImages"));
        Assert.False(details.ContainsKey("PagerDutyGroup"));
        Assert.Equal(42, (int)details["OrderId"]!);
        Assert.Empty(h.DiagnosticsOf(PagerDutyDiagnosticKind.Degraded));
    }

    [Fact]
    public async Task A_single_url_string_and_renamed_properties_work_without_configured_links()
    {
        await using var h = new PipelineHarness(o =>
        {
            o.LinksPropertyName = "Link";
            o.ImagesPropertyName = "Graph";
            o.GroupPropertyName = "Team";
        });
        var candidate = PipelineHarness.Candidate(properties: new (string, object?)[]
        {
            ("Link", "https://trace.example.com/t/2"),
            ("Graph", "https://example.com/g.png"),
            ("Team", "search"),
            ("PagerDutyLinks", "https://ignored.example.com"),
        });

        h.Pipeline.Enqueue(candidate);
        await h.Sender.WaitForEventsAsync(1);
        var alert = h.Sender.Events[0];

        Assert.Equal("https://trace.example.com/t/2", Assert.Single(alert.Links!).Href);
        Assert.Equal("https://example.com/g.png", Assert.Single(alert.Images!).Src);
        Assert.Equal("search", alert.Payload!.Group);
        var details = FakeSender.Details(alert);
        Assert.False(details.ContainsKey("Link"));
        Assert.False(details.ContainsKey("Team"));
        Assert.Equal("https://ignored.example.com", (string)details["PagerDutyLinks"]!);
    }

    [Fact]
    public async Task Invalid_entries_are_skipped_with_a_degraded_diagnostic_and_the_alert_still_goes_out()
    {
        await using var h = new PipelineHarness();
        var candidate = PipelineHarness.Candidate(properties: new (string, object?)[]
        {
            ("PagerDutyLinks", new object?[] { "ftp://files.example.com/x", "/relative", 17, null, new Dictionary<string, object?> { ["text"] = "no href" }, "http://ok.example.com" }),
            ("PagerDutyImages", new object[] { "http://insecure.example.com/a.png", "https://example.com/ok.png" }),
        });

        h.Pipeline.Enqueue(candidate);
        await h.Sender.WaitForEventsAsync(1);
        var alert = h.Sender.Events[0];

        Assert.Equal("http://ok.example.com", Assert.Single(alert.Links!).Href);
        Assert.Equal("https://example.com/ok.png", Assert.Single(alert.Images!).Src);
        var degraded = Assert.Single(h.DiagnosticsOf(PagerDutyDiagnosticKind.Degraded));
        Assert.Contains("link", degraded.Message, StringComparison.Ordinal);
        Assert.Contains("image", degraded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_triggers_carry_event_links()
    {
        await using var h = new PipelineHarness();
        var trigger = PipelineHarness.Keyed("order-7");
        var resolve = PipelineHarness.Keyed("order-7", action: "resolve");
        foreach (var c in new[] { trigger, resolve })
        {
            ((List<KeyValuePair<string, object?>>)c.Properties!).Add(new("PagerDutyLinks", "https://trace.example.com/t/7"));
            h.Pipeline.Enqueue(c);
        }

        await h.Sender.WaitForEventsAsync(2);

        Assert.Equal("https://trace.example.com/t/7", Assert.Single(h.Sender.Events[0].Links!).Href);
        Assert.Equal(EventAction.Resolve, h.Sender.Events[1].EventAction);
        Assert.Null(h.Sender.Events[1].Links);
    }
}
