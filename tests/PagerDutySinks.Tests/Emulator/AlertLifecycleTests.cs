using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Tests.Emulator;

public sealed class AlertLifecycleTests : EmulatorTestBase
{
    [Fact]
    public async Task Trigger_acknowledge_resolve_then_trigger_opens_a_new_alert()
    {
        await SendAsync(Trigger("db/disk", "Disk at 91%"));
        await SendAsync(Trigger("db/disk", "Disk at 95%"));
        await SendAsync(Action("acknowledge", "db/disk"));
        Assert.Equal(AlertStatus.Acknowledged, Emulator.Alerts.Single().Status);

        await SendAsync(Action("resolve", "db/disk"));
        var resolved = Emulator.Alerts.Single();
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Equal(new[] { "trigger", "trigger", "acknowledge", "resolve" }, resolved.LogEntries.Select(e => e.EventAction));
        Assert.Equal("Disk at 95%", resolved.Summary);
        Assert.Equal(2, resolved.TriggerCount);

        await SendAsync(Trigger("db/disk", "Disk at 99%"));

        var alerts = Emulator.AlertsWithDedupKey("db/disk");
        Assert.Equal(2, alerts.Count);
        Assert.Equal(AlertStatus.Resolved, alerts[0].Status);
        Assert.Equal(AlertStatus.Triggered, alerts[1].Status);
        Assert.NotEqual(alerts[0].Id, alerts[1].Id);
        Assert.Equal("Disk at 99%", alerts[1].Summary);
        Assert.Single(alerts[1].LogEntries);
    }

    [Fact]
    public async Task A_trigger_on_an_acknowledged_alert_is_appended_and_keeps_it_acknowledged()
    {
        await SendAsync(Trigger("k1"));
        await SendAsync(Action("acknowledge", "k1"));
        await SendAsync(Trigger("k1", "again"));

        var alert = Emulator.Alerts.Single();
        Assert.Equal(AlertStatus.Acknowledged, alert.Status);
        Assert.Equal(3, alert.LogEntries.Count);
        Assert.Equal("again", alert.Summary);
    }

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("resolve")]
    public async Task Acknowledge_or_resolve_without_an_open_alert_is_accepted_and_changes_nothing(string action)
    {
        using var response = await Http.PostAsync("v2/enqueue", Json(Action(action, "nothing-open")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("nothing-open", (string?)(await ReadJsonAsync(response))["dedup_key"]);
        Assert.Empty(Emulator.Alerts);
        Assert.Equal(ReceivedOutcome.Accepted, Emulator.Events.Single().Outcome);
    }

    [Fact]
    public async Task Resolving_twice_leaves_one_resolved_alert()
    {
        await SendAsync(Trigger("k"));
        await SendAsync(Action("resolve", "k"));
        await SendAsync(Action("resolve", "k"));

        var alert = Emulator.Alerts.Single();
        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.Equal(2, alert.LogEntries.Count);
    }

    [Fact]
    public async Task A_trigger_without_dedup_key_gets_a_generated_one_that_later_events_can_use()
    {
        using var response = await Http.PostAsync("v2/enqueue", Json(Trigger(dedupKey: null)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var dedupKey = (string)(await ReadJsonAsync(response))["dedup_key"]!;
        Assert.Matches(new Regex("^[0-9a-f]{32}$"), dedupKey);
        Assert.Equal(dedupKey, Emulator.Alerts.Single().DedupKey);
        Assert.Equal(dedupKey, Emulator.Events.Single().DedupKey);

        await SendAsync(Action("resolve", dedupKey));
        Assert.Equal(AlertStatus.Resolved, Emulator.Alerts.Single().Status);
    }

    [Fact]
    public async Task Two_triggers_without_dedup_key_open_two_alerts()
    {
        await SendAsync(Trigger(dedupKey: null));
        await SendAsync(Trigger(dedupKey: null));

        var alerts = Emulator.Alerts;
        Assert.Equal(2, alerts.Count);
        Assert.NotEqual(alerts[0].DedupKey, alerts[1].DedupKey);
    }

    [Fact]
    public async Task The_same_dedup_key_on_two_routing_keys_makes_two_alerts()
    {
        const string otherKey = "fedcba9876543210fedcba9876543210";
        await SendAsync(Trigger("shared"));
        await SendAsync(Trigger("shared", routingKey: otherKey));
        await SendAsync(Action("resolve", "shared", otherKey));

        var alerts = Emulator.Alerts;
        Assert.Equal(2, alerts.Count);
        Assert.Equal(AlertStatus.Triggered, alerts.Single(a => a.RoutingKey == RoutingKey).Status);
        Assert.Equal(AlertStatus.Resolved, alerts.Single(a => a.RoutingKey == otherKey).Status);
    }

    [Fact]
    public async Task Concurrent_triggers_with_one_dedup_key_make_one_alert_with_every_entry()
    {
        var sends = Enumerable.Range(0, 40).Select(i => SendAsync(Trigger("busy", $"event {i}")));
        await Task.WhenAll(sends);

        var alert = Emulator.Alerts.Single();
        Assert.Equal(40, alert.LogEntries.Count);
        Assert.Equal(40, Emulator.GetStatistics().Accepted);
    }

    private async Task SendAsync(string json)
    {
        using var response = await Http.PostAsync("v2/enqueue", Json(json));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static System.Net.Http.StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
