using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;
using PagerDutySinks.Serilog.Tests.Support;
using Serilog;

namespace PagerDutySinks.Serilog.Tests;

[Collection(EmulatorTests.Name)]
public sealed class ExplicitActionTests(EmulatorFixture fixture)
{
    [Fact]
    public async Task An_explicit_dedup_key_names_the_alert_and_a_resolve_action_closes_it()
    {
        var key = TestRoutingKeys.NewKey();
        var dedupKey = "disk-full-" + key;
        var sink = new PagerDutySink(new PagerDutySinkOptions { RoutingKey = key, Endpoint = fixture.Endpoint });
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        var disk = logger.ForContext("PagerDutyDedupKey", dedupKey);

        disk.Error("Disk {Volume} is full", "/var");
        Assert.True((await sink.FlushAsync()).Completed);
        Assert.Equal(AlertStatus.Triggered, Assert.Single(fixture.Emulator.AlertsWithDedupKey(dedupKey)).Status);

        disk.ForContext("PagerDutyAction", "resolve").Error("Disk {Volume} has space again", "/var");
        await logger.DisposeAsync();

        var alert = Assert.Single(fixture.Emulator.AlertsWithDedupKey(dedupKey));
        Assert.Equal(AlertStatus.Resolved, alert.Status);
        Assert.Equal(new[] { "trigger", "resolve" }, fixture.EventsFor(key).Select(received => received.EventAction));
    }

    [Fact]
    public async Task The_dedup_key_and_action_property_names_can_be_changed()
    {
        var key = TestRoutingKeys.NewKey();
        var dedupKey = "queue-stalled-" + key;
        var sink = new PagerDutySink(new PagerDutySinkOptions
        {
            RoutingKey = key,
            Endpoint = fixture.Endpoint,
            DedupKeyPropertyName = "IncidentKey",
            ActionPropertyName = "IncidentAction",
        });
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        logger.ForContext("IncidentKey", dedupKey).Error("Queue stalled");
        await sink.FlushAsync();
        logger.ForContext("IncidentKey", dedupKey).ForContext("IncidentAction", "acknowledge").Error("Queue being drained");
        await logger.DisposeAsync();

        Assert.Equal(AlertStatus.Acknowledged, Assert.Single(fixture.Emulator.AlertsWithDedupKey(dedupKey)).Status);
    }
}
