using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;
using PagerDutySinks.Events;

namespace PagerDutySinks.Tests.Client;

public class ClientHappyPathTests : ClientTestBase
{
    [Fact]
    public async Task Trigger_acknowledge_resolve_move_the_alert_through_its_states()
    {
        var client = CreateClient();

        var triggered = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key, dedupKey: "db-1/disk")));
        Assert.Equal(SendOutcome.Accepted, triggered.Outcome);
        Assert.Equal("db-1/disk", triggered.DedupKey);
        Assert.Equal(202, triggered.StatusCode);
        Assert.Equal(1, triggered.Attempts);
        Assert.Equal(AlertStatus.Triggered, Emulator.AlertsWithDedupKey("db-1/disk").Single().Status);

        var acknowledged = await DriveAsync(client.SendAsync(new AlertEvent { RoutingKey = Key, EventAction = EventAction.Acknowledge, DedupKey = "db-1/disk" }));
        Assert.True(acknowledged.IsAccepted);
        Assert.Equal(AlertStatus.Acknowledged, Emulator.AlertsWithDedupKey("db-1/disk").Single().Status);

        var resolved = await DriveAsync(client.SendAsync(new AlertEvent { RoutingKey = Key, EventAction = EventAction.Resolve, DedupKey = "db-1/disk" }));
        Assert.True(resolved.IsAccepted);
        Assert.Equal(AlertStatus.Resolved, Emulator.AlertsWithDedupKey("db-1/disk").Single().Status);
    }

    [Fact]
    public async Task Trigger_without_dedup_key_returns_the_key_pagerduty_made_up()
    {
        var client = CreateClient();
        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key)));

        Assert.True(result.IsAccepted);
        Assert.False(string.IsNullOrEmpty(result.DedupKey));
        Assert.Equal(result.DedupKey, Emulator.Alerts.Single().DedupKey);
    }

    [Fact]
    public async Task Full_trigger_and_change_event_are_accepted_and_what_was_sent_satisfies_the_contract()
    {
        var client = CreateClient();

        var trigger = await DriveAsync(client.SendAsync(EventPreparerTests.FullTrigger(Key)));
        var change = await DriveAsync(client.SendChangeAsync(EventPreparerTests.FullChange(Key)));

        Assert.True(trigger.IsAccepted, trigger.ToString());
        Assert.True(change.IsAccepted, change.ToString());
        Assert.Null(change.DedupKey);

        var received = Emulator.Events;
        Assert.Equal(new[] { "/v2/enqueue", "/v2/change/enqueue" }, received.Select(e => e.Path).ToArray());
        Assert.Empty(EventContractValidator.ValidateAlertEvent(received[0].Body));
        Assert.Empty(EventContractValidator.ValidateChangeEvent(received[1].Body));
        Assert.Equal("critical", (string?)received[0].Body!["payload"]!["severity"]);
    }

    [Fact]
    public async Task Oversized_event_is_shrunk_and_accepted()
    {
        var client = CreateClient();
        var trigger = TestKeys.Trigger(Key, dedupKey: new string('k', 300), summary: new string('s', 2000));
        trigger.Payload!.CustomDetails = new JsonObject { ["dump"] = new string('d', 900_000), ["host"] = "db-1" };

        var result = await DriveAsync(client.SendAsync(trigger));

        Assert.True(result.IsAccepted, result.ToString());
        var received = Emulator.Events.Single();
        Assert.True(received.BodyBytes <= EventLimits.MaxEventBytes);
        Assert.NotNull((string?)received.Body!["payload"]!["custom_details"]!["_truncated"]);
        Assert.Equal(EventLimits.BoundDedupKey(trigger.DedupKey!), result.DedupKey);
    }

    [Fact]
    public async Task Invalid_events_throw_before_anything_is_sent()
    {
        var client = CreateClient();
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(new AlertEvent { RoutingKey = Key, EventAction = EventAction.Resolve }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(TestKeys.Trigger("too-short")));
        Assert.Equal(0, Emulator.ReceivedCount);
    }

    [Fact]
    public async Task Disposed_client_refuses_to_send()
    {
        var client = CreateClient();
        client.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.SendAsync(TestKeys.Trigger(Key)));
    }

    [Fact]
    public async Task Default_handler_reaches_the_emulator_on_the_system_clock()
    {
        // No injected handler, real clock: the configuration most applications use.
        await using var emulator = await PagerDutyEmulator.StartAsync();
        using var client = new PagerDutyClient(new PagerDutyClientOptions { Endpoint = PagerDutyEndpoint.Custom(emulator.BaseAddress) });
        var result = await client.SendAsync(TestKeys.Trigger(TestKeys.NewRoutingKey(), dedupKey: "real-clock"));
        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal("real-clock", emulator.Alerts.Single().DedupKey);
    }
}
