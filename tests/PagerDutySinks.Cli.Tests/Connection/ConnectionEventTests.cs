using System;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Cli.Tests.Connection;

public sealed class ConnectionEventTests
{
    private const string Key = ConnectionParsingTests.Key;

    private static readonly PagerDutyConnection Full = PagerDutyConnection.Parse("pagerduty://127.0.0.1:9/" + Key +
        "?severity=warning&source=web-01&dedup_key=disk&details={\"region\":\"eu\"}&client=Mon&client_url=https://m.example.com/" +
        "&contexts=link:https://runbook.example.com/,image:https://img.example.com/a.png");

    [Fact]
    public void Trigger_carries_every_default()
    {
        var alert = Full.ToAlertEvent("Disk full");

        Assert.Equal(Key, alert.RoutingKey);
        Assert.Equal(EventAction.Trigger, alert.EventAction);
        Assert.Equal("disk", alert.DedupKey);
        Assert.Equal("Disk full", alert.Payload!.Summary);
        Assert.Equal("web-01", alert.Payload.Source);
        Assert.Equal(Severity.Warning, alert.Payload.Severity);
        Assert.Equal("eu", (string?)alert.Payload.CustomDetails!["region"]);
        Assert.Equal("Mon", alert.Client);
        Assert.Equal("https://m.example.com/", alert.ClientUrl);
        Assert.Equal("https://runbook.example.com/", Assert.Single(alert.Links!).Href);
        Assert.Equal("https://img.example.com/a.png", Assert.Single(alert.Images!).Src);
    }

    [Fact]
    public void Overrides_win_and_events_are_independent()
    {
        var first = Full.ToAlertEvent("One", Severity.Critical, dedupKey: "other");
        first.Links!.Clear();
        first.Payload!.CustomDetails!["region"] = "us";

        var second = Full.ToAlertEvent("Two");

        Assert.Equal(Severity.Critical, first.Payload.Severity);
        Assert.Equal("other", first.DedupKey);
        Assert.Single(second.Links!);
        Assert.Equal("eu", (string?)second.Payload!.CustomDetails!["region"]);
    }

    [Fact]
    public void Acknowledge_and_resolve_carry_only_the_keys()
    {
        var ack = Full.ToAcknowledgeEvent("k1");
        var resolve = Full.ToResolveEvent("k1");

        Assert.Equal(EventAction.Acknowledge, ack.EventAction);
        Assert.Equal(EventAction.Resolve, resolve.EventAction);
        Assert.All(new[] { ack, resolve }, e =>
        {
            Assert.Equal("k1", e.DedupKey);
            Assert.Equal(Key, e.RoutingKey);
            Assert.Null(e.Payload);
        });
    }

    [Fact]
    public void Missing_summary_or_dedup_key_is_refused()
    {
        var plain = PagerDutyConnection.Parse("pagerduty:///" + Key);

        Assert.Throws<ArgumentException>(() => plain.ToAlertEvent(" "));
        Assert.Throws<ArgumentException>(() => plain.ToAlertEvent("x", action: EventAction.Resolve));
        Assert.Throws<ArgumentException>(() => plain.ToResolveEvent(""));
        Assert.Throws<ArgumentException>(() => plain.ToChangeEvent(""));
    }

    [Fact]
    public void Url_action_applies_to_ToAlertEvent()
    {
        var resolving = PagerDutyConnection.Parse("pagerduty:///" + Key + "?action=resolve&dedup_key=job-42");

        var alert = resolving.ToAlertEvent("ignored");

        Assert.Equal(EventAction.Resolve, alert.EventAction);
        Assert.Equal("job-42", alert.DedupKey);
    }

    [Fact]
    public void Change_event_carries_source_details_and_contexts()
    {
        var change = Full.ToChangeEvent("Deployed v2");

        Assert.Equal(Key, change.RoutingKey);
        Assert.Equal("Deployed v2", change.Payload.Summary);
        Assert.Equal("web-01", change.Payload.Source);
        Assert.Equal("eu", (string?)change.Payload.CustomDetails!["region"]);
        Assert.Single(change.Links!);
        Assert.Single(change.Images!);
    }

    [Fact]
    public void ApplyTo_fills_pipeline_options()
    {
        var options = new AlertPipelineOptions { Source = "machine" };

        Full.ApplyTo(options);

        Assert.Equal(Key, options.RoutingKey);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), options.Client.Endpoint.BaseAddress);
        Assert.Equal("web-01", options.Source);
        Assert.Equal("Mon", options.ClientName);
        Assert.Single(options.Links);
        Assert.Single(options.Images);

        var untouched = new AlertPipelineOptions { Source = "machine" };
        PagerDutyConnection.Parse("pagerduty:///" + Key).ApplyTo(untouched);
        Assert.Equal("machine", untouched.Source);
        Assert.Same(PagerDutyEndpoint.UnitedStates, untouched.Client.Endpoint);
    }
}
