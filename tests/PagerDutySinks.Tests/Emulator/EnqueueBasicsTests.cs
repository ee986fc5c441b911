using System.Linq;
using System.Net;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Tests.Emulator;

public sealed class EnqueueBasicsTests : EmulatorTestBase
{
    [Fact]
    public void Starts_on_a_free_loopback_port()
    {
        Assert.Equal("127.0.0.1", Emulator.BaseAddress.Host);
        Assert.NotEqual(0, Emulator.BaseAddress.Port);
        Assert.EndsWith("/", Emulator.BaseAddress.AbsoluteUri);
    }

    [Fact]
    public async Task Accepts_a_trigger_with_PagerDutys_success_answer()
    {
        using var response = await PostAsync("v2/enqueue", Trigger("srv01/mysql"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var json = await ReadJsonAsync(response);
        Assert.Equal("success", (string?)json["status"]);
        Assert.Equal("Event processed", (string?)json["message"]);
        Assert.Equal("srv01/mysql", (string?)json["dedup_key"]);
        var alert = Assert.Single(Emulator.Alerts);
        Assert.Equal(AlertStatus.Triggered, alert.Status);
        Assert.Equal("Disk full", alert.Summary);
        Assert.Equal("error", alert.Severity);
        var received = Assert.Single(Emulator.Events);
        Assert.Equal(ReceivedOutcome.Accepted, received.Outcome);
        Assert.Equal(202, received.StatusCode);
        Assert.Equal(RoutingKey, received.RoutingKey);
    }

    [Fact]
    public async Task Accepts_a_change_event_without_a_dedup_key()
    {
        using var response = await PostAsync("v2/change/enqueue", $$$"""{"routing_key":"{{{RoutingKey}}}","payload":{"summary":"Deployed 1.2.3"}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var json = await ReadJsonAsync(response);
        Assert.Equal("success", (string?)json["status"]);
        Assert.Equal("Change event processed", (string?)json["message"]);
        Assert.Null(json["dedup_key"]);
        Assert.Empty(Emulator.Alerts);
        Assert.True(Assert.Single(Emulator.Events).IsChangeEvent);
    }

    [Fact]
    public async Task Reset_forgets_alerts_events_and_faults()
    {
        (await PostAsync("v2/enqueue", Trigger())).Dispose();
        Emulator.Faults.FailNext(5, 500);

        Emulator.Reset();

        Assert.Empty(Emulator.Alerts);
        Assert.Empty(Emulator.Events);
        Assert.Equal(0, Emulator.Faults.Pending);
        using var response = await PostAsync("v2/enqueue", Trigger());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(Emulator.Alerts);
    }

    [Fact]
    public async Task Alerts_are_snapshots_that_do_not_change_later()
    {
        (await PostAsync("v2/enqueue", Trigger("k"))).Dispose();
        var before = Emulator.Alerts.Single();

        (await PostAsync("v2/enqueue", Action("resolve", "k"))).Dispose();

        Assert.Equal(AlertStatus.Triggered, before.Status);
        Assert.Equal(AlertStatus.Resolved, Emulator.Alerts.Single().Status);
    }
}
