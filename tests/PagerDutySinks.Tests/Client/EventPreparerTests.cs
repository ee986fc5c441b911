using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PagerDutySinks.Client;
using PagerDutySinks.Emulator;
using PagerDutySinks.Events;

namespace PagerDutySinks.Tests.Client;

public class EventPreparerTests
{
    private static readonly string Key = TestKeys.NewRoutingKey();

    internal static AlertEvent FullTrigger(string routingKey) => new()
    {
        RoutingKey = routingKey,
        EventAction = EventAction.Trigger,
        DedupKey = "srv01/mysql",
        Client = "Sample Monitoring Service",
        ClientUrl = "https://monitoring.example.com",
        Payload = new AlertPayload
        {
            Summary = "DISK at 99% on machine prod-datapipe03.example.com",
            Source = "prod-datapipe03.example.com",
            Severity = Severity.Critical,
            Timestamp = new DateTimeOffset(2015, 7, 17, 8, 42, 58, 315, TimeSpan.Zero),
            Component = "mysql",
            Group = "prod-datapipe",
            Class = "disk",
            CustomDetails = new JsonObject { ["free space"] = "1%", ["ping time"] = "1500ms", ["load avg"] = 0.75, ["nested"] = new JsonObject { ["a"] = new JsonArray(1, 2) } },
        },
        Links = new List<Link> { new() { Href = "http://pagerduty.example.com", Text = "An example link." } },
        Images = new List<Image> { new() { Src = "https://chart.example.com/chart.png", Href = "https://example.com", Alt = "A chart" } },
    };

    internal static ChangeEvent FullChange(string routingKey) => new()
    {
        RoutingKey = routingKey,
        Payload = new ChangeEventPayload
        {
            Summary = "Build Success: Increase snapshot create timeout to 30 seconds",
            Timestamp = DateTimeOffset.UtcNow,
            Source = "prod-build-agent-i-0b148d1040d565540",
            CustomDetails = new JsonObject { ["build_state"] = "passed", ["build_number"] = "220" },
        },
        Links = new List<Link> { new() { Href = "https://buildpipeline.example.com/builds/220", Text = "View in Build Pipeline" } },
        Images = new List<Image> { new() { Src = "https://chart.example.com/c.png" } },
    };

    private static JsonObject Parse(PreparedEvent prepared) => JsonNode.Parse(prepared.Body)!.AsObject();

    [Fact]
    public void Every_shape_the_client_produces_satisfies_the_contract()
    {
        var shapes = new[]
        {
            EventPreparer.PrepareAlert(FullTrigger(Key)),
            EventPreparer.PrepareAlert(TestKeys.Trigger(Key)),
            EventPreparer.PrepareAlert(new AlertEvent { RoutingKey = Key, EventAction = EventAction.Acknowledge, DedupKey = "srv01/mysql" }),
            EventPreparer.PrepareAlert(new AlertEvent { RoutingKey = Key, EventAction = EventAction.Resolve, DedupKey = "srv01/mysql" }),
        };
        foreach (var prepared in shapes)
        {
            Assert.Empty(EventContractValidator.ValidateAlertEvent(Parse(prepared)));
        }

        var change = EventPreparer.PrepareChange(FullChange(Key));
        Assert.Empty(EventContractValidator.ValidateChangeEvent(Parse(change)));
    }

    [Fact]
    public void Trigger_is_written_with_pagerduty_field_names()
    {
        var json = Parse(EventPreparer.PrepareAlert(FullTrigger(Key)));
        Assert.Equal("trigger", (string?)json["event_action"]);
        Assert.Equal("critical", (string?)json["payload"]!["severity"]);
        Assert.Equal("1%", (string?)json["payload"]!["custom_details"]!["free space"]);
        Assert.Equal("https://chart.example.com/chart.png", (string?)json["images"]![0]!["src"]);
        Assert.Equal("Sample Monitoring Service", (string?)json["client"]);
    }

    [Fact]
    public void Acknowledge_and_resolve_carry_only_key_action_and_dedup_key()
    {
        var source = FullTrigger(Key);
        source.EventAction = EventAction.Resolve;
        var json = Parse(EventPreparer.PrepareAlert(source));
        Assert.Equal(new[] { "routing_key", "event_action", "dedup_key" }, json.Select(p => p.Key).ToArray());
    }

    [Theory]
    [InlineData(EventAction.Acknowledge, null)]
    [InlineData(EventAction.Resolve, "")]
    [InlineData(EventAction.Resolve, "   ")]
    public void Acknowledge_and_resolve_without_dedup_key_are_refused(EventAction action, string? dedupKey)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            EventPreparer.PrepareAlert(new AlertEvent { RoutingKey = Key, EventAction = action, DedupKey = dedupKey }));
        Assert.Contains("acknowledge and resolve need a dedup_key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trigger_needs_payload_summary_and_source()
    {
        var noPayload = new AlertEvent { RoutingKey = Key, EventAction = EventAction.Trigger };
        Assert.Contains("needs a payload", Assert.Throws<ArgumentException>(() => EventPreparer.PrepareAlert(noPayload)).Message, StringComparison.Ordinal);

        var noSummary = TestKeys.Trigger(Key, summary: " ");
        Assert.Contains("payload.summary", Assert.Throws<ArgumentException>(() => EventPreparer.PrepareAlert(noSummary)).Message, StringComparison.Ordinal);

        var noSource = TestKeys.Trigger(Key);
        noSource.Payload!.Source = "";
        Assert.Contains("payload.source", Assert.Throws<ArgumentException>(() => EventPreparer.PrepareAlert(noSource)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_routing_key_is_refused_without_showing_it()
    {
        const string badKey = "0123456789abcdef0123456789abcdeX!";
        var error = Assert.Throws<ArgumentException>(() => EventPreparer.PrepareAlert(TestKeys.Trigger(badKey)));
        Assert.Equal("routing_key", error.ParamName);
        Assert.DoesNotContain(badKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://chart.example.com/c.png")]
    [InlineData("/relative/c.png")]
    [InlineData("")]
    public void Image_source_must_be_absolute_https(string src)
    {
        var trigger = TestKeys.Trigger(Key);
        trigger.Images = new List<Image> { new() { Src = src } };
        var error = Assert.Throws<ArgumentException>(() => EventPreparer.PrepareAlert(trigger));
        Assert.Contains("images[0].src", error.Message, StringComparison.Ordinal);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);

        var change = FullChange(Key);
        change.Images = new List<Image> { new() { Src = src } };
        Assert.Throws<ArgumentException>(() => EventPreparer.PrepareChange(change));
    }

    [Theory]
    [InlineData("example.com/page")]
    [InlineData("")]
    [InlineData("mailto:ops@example.com")]
    public void Link_href_must_be_an_absolute_url(string href)
    {
        var trigger = TestKeys.Trigger(Key);
        trigger.Links = new List<Link> { new() { Href = "https://ok.example.com" }, new() { Href = href } };
        var error = Assert.Throws<ArgumentException>(() => EventPreparer.PrepareAlert(trigger));
        Assert.Contains("links[1].href", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_event_needs_a_summary()
    {
        var change = FullChange(Key);
        change.Payload.Summary = "";
        Assert.Contains("payload.summary", Assert.Throws<ArgumentException>(() => EventPreparer.PrepareChange(change)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_and_dedup_key_are_bounded_without_changing_the_callers_event()
    {
        var trigger = TestKeys.Trigger(Key, dedupKey: new string('d', 400), summary: new string('s', 5000));
        var json = Parse(EventPreparer.PrepareAlert(trigger));

        Assert.Equal(EventLimits.MaxSummaryLength, ((string?)json["payload"]!["summary"])!.Length);
        Assert.True(((string?)json["dedup_key"])!.Length <= EventLimits.MaxDedupKeyLength);
        Assert.Equal(5000, trigger.Payload!.Summary.Length);
        Assert.Equal(400, trigger.DedupKey!.Length);
        Assert.Empty(EventContractValidator.ValidateAlertEvent(json));
    }

    [Fact]
    public void Lone_surrogates_serialize_without_error()
    {
        var trigger = TestKeys.Trigger(Key, summary: "broken \uD800 text");
        trigger.Payload!.CustomDetails = new JsonObject { ["x\uDC00"] = "y\uD800" };
        var json = Parse(EventPreparer.PrepareAlert(trigger));
        Assert.Equal("broken \uFFFD text", (string?)json["payload"]!["summary"]);
    }

    [Fact]
    public void Oversized_custom_details_are_shrunk_below_512_KB_with_a_note()
    {
        var trigger = FullTrigger(Key);
        var details = new JsonObject { ["small"] = "kept" };
        for (var i = 0; i < 8; i++)
        {
            details["blob" + i] = new string((char)('a' + i), 100_000);
        }

        trigger.Payload!.CustomDetails = details;
        var prepared = EventPreparer.PrepareAlert(trigger);
        var json = Parse(prepared);
        var shrunk = json["payload"]!["custom_details"]!.AsObject();

        Assert.True(prepared.Body.Length <= EventLimits.MaxEventBytes, $"{prepared.Body.Length} bytes");
        Assert.True(prepared.Body.Length > EventLimits.MaxEventBytes - 110_000, "only what was needed was removed");
        Assert.Equal("kept", (string?)shrunk["small"]);
        var note = (string?)shrunk["_truncated"];
        Assert.NotNull(note);
        Assert.Matches(@"^custom_details reduced from \d+ to \d+ bytes to fit PagerDuty's 512 KB limit", note);
        Assert.NotNull(prepared.SizeReduction);
        Assert.Empty(EventContractValidator.ValidateAlertEvent(json));

        // The caller's details are untouched.
        Assert.Equal(9, details.Count);
        Assert.Equal(100_000, ((string?)details["blob7"])!.Length);
    }

    [Fact]
    public void One_huge_string_is_shortened_rather_than_dropped()
    {
        var trigger = TestKeys.Trigger(Key);
        trigger.Payload!.CustomDetails = new JsonObject { ["stack_trace"] = new string('t', 800_000), ["host"] = "db-1" };
        var prepared = EventPreparer.PrepareAlert(trigger);
        var shrunk = Parse(prepared)["payload"]!["custom_details"]!.AsObject();

        Assert.True(prepared.Body.Length <= EventLimits.MaxEventBytes);
        var stack = (string?)shrunk["stack_trace"];
        Assert.NotNull(stack);
        Assert.True(stack!.Length > 400_000, "most of the trace is kept");
        Assert.EndsWith("…", stack, StringComparison.Ordinal);
        Assert.Contains("shortened: stack_trace", (string?)shrunk["_truncated"], StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_characters_are_counted_as_sent()
    {
        // Non-ASCII text is escaped as \uXXXX: six bytes per character on the wire.
        var trigger = TestKeys.Trigger(Key);
        trigger.Payload!.CustomDetails = new JsonObject { ["text"] = new string('é', 200_000) };
        var prepared = EventPreparer.PrepareAlert(trigger);
        Assert.True(prepared.Body.Length <= EventLimits.MaxEventBytes, $"{prepared.Body.Length} bytes");
        Assert.NotNull(prepared.SizeReduction);
    }

    [Fact]
    public void Links_and_images_go_when_details_are_not_enough()
    {
        var trigger = TestKeys.Trigger(Key);
        trigger.Links = Enumerable.Range(0, 400).Select(i => new Link { Href = "https://example.com/" + new string('l', 2000) + i }).ToList();
        var prepared = EventPreparer.PrepareAlert(trigger);
        var json = Parse(prepared);

        Assert.True(prepared.Body.Length <= EventLimits.MaxEventBytes);
        Assert.Null(json["links"]);
        Assert.Contains("links and images removed", (string?)json["payload"]!["custom_details"]!["_truncated"], StringComparison.Ordinal);
        Assert.Equal(400, trigger.Links.Count);
    }

    [Fact]
    public void Huge_free_text_fields_are_cut_as_a_last_resort()
    {
        var trigger = TestKeys.Trigger(Key);
        trigger.Payload!.Component = new string('c', 600_000);
        var prepared = EventPreparer.PrepareAlert(trigger);
        var json = Parse(prepared);
        Assert.True(prepared.Body.Length <= EventLimits.MaxEventBytes);
        Assert.Equal(1024, ((string?)json["payload"]!["component"])!.Length);
        Assert.Empty(EventContractValidator.ValidateAlertEvent(json));
    }

    [Fact]
    public void Oversized_change_event_is_shrunk_too()
    {
        var change = FullChange(Key);
        change.Payload.CustomDetails = new JsonObject { ["diff"] = new string('+', 700_000) };
        change.Payload.Summary = new string('s', 3000);
        var prepared = EventPreparer.PrepareChange(change);
        var json = Parse(prepared);
        Assert.True(prepared.Body.Length <= EventLimits.MaxEventBytes);
        Assert.NotNull((string?)json["payload"]!["custom_details"]!["_truncated"]);
        Assert.Equal(EventLimits.MaxSummaryLength, ((string?)json["payload"]!["summary"])!.Length);
        Assert.Empty(EventContractValidator.ValidateChangeEvent(json));
        Assert.True(prepared.IsChangeEvent);
    }

    [Fact]
    public void Body_is_utf8_json()
    {
        var prepared = EventPreparer.PrepareAlert(TestKeys.Trigger(Key, summary: "naïve ☃"));
        var text = Encoding.UTF8.GetString(prepared.Body);
        Assert.Equal("naïve ☃", (string?)JsonNode.Parse(text)!["payload"]!["summary"]);
    }
}
