using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PagerDutySinks.Serilog.Tests.Support;
using Serilog;

namespace PagerDutySinks.Serilog.Tests;

[Collection(EmulatorTests.Name)]
public sealed class EventLinksTests(EmulatorFixture fixture)
{
    [Fact]
    public async Task Links_images_and_group_from_log_properties_reach_the_alert()
    {
        var key = TestRoutingKeys.NewKey();
        var sink = new PagerDutySink(new PagerDutySinkOptions { RoutingKey = key, Endpoint = fixture.Endpoint, Group = "shop" });
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        logger
            .ForContext("PagerDutyLinks", new object[] { "https://trace.example.com/t/1", new { Href = "https://logs.example.com/q", Text = "Logs" }, "not a url" }, destructureObjects: true)
            .ForContext("PagerDutyImages", new { Src = "https://example.com/cpu.png", Alt = "CPU" }, destructureObjects: true)
            .ForContext("PagerDutyGroup", "payments")
            .Error("Payment {PaymentId} failed", 7);
        await logger.DisposeAsync();

        var body = Assert.Single(fixture.EventsFor(key)).Body!;
        var links = body["links"]!.AsArray();
        Assert.Equal(new[] { "https://trace.example.com/t/1", "https://logs.example.com/q" }, links.Select(l => (string)l!["href"]!));
        Assert.Equal("Logs", (string)links[1]!["text"]!);
        var image = Assert.Single(body["images"]!.AsArray())!;
        Assert.Equal("https://example.com/cpu.png", (string)image["src"]!);
        Assert.Equal("CPU", (string)image["alt"]!);
        var payload = body["payload"]!;
        Assert.Equal("payments", (string)payload["group"]!);
        var details = payload["custom_details"]!.AsObject();
        Assert.False(details.ContainsKey("PagerDutyLinks"));
        Assert.False(details.ContainsKey("PagerDutyImages"));
        Assert.False(details.ContainsKey("PagerDutyGroup"));
        Assert.Equal(7, (int)details["PaymentId"]!);
    }
}
