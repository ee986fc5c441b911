using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PagerDutySinks.Extensions.Logging.Tests;

public sealed class EventLinksTests
{
    [Fact]
    public async Task Links_images_and_group_from_state_and_scopes_reach_the_alert()
    {
        await using var app = await TestApp.StartAsync();
        var logger = app.Logger("MyApp.Payments");

        using (logger.BeginScope(new Dictionary<string, object?>
        {
            ["PagerDutyLinks"] = new object[]
            {
                "https://trace.example.com/t/1",
                new Dictionary<string, string> { ["href"] = "https://logs.example.com/q", ["text"] = "Logs" },
            },
            ["PagerDutyImages"] = new[] { "https://example.com/cpu.png", "http://insecure.example.com/x.png" },
        }))
        {
            logger.LogError("Payment {PaymentId} failed for {PagerDutyGroup}", 7, "payments");
        }

        var sent = Assert.Single(await app.StopAndCollectAsync());
        var links = sent.Body!["links"]!.AsArray();
        Assert.Equal(new[] { "https://trace.example.com/t/1", "https://logs.example.com/q" }, links.Select(l => (string)l!["href"]!));
        Assert.Equal("Logs", (string)links[1]!["text"]!);
        Assert.Equal("https://example.com/cpu.png", (string)Assert.Single(sent.Body["images"]!.AsArray())!["src"]!);
        Assert.Equal("payments", (string)sent.Payload()["group"]!);
        var details = sent.Details();
        Assert.False(details.ContainsKey("PagerDutyLinks"));
        Assert.False(details.ContainsKey("PagerDutyImages"));
        Assert.False(details.ContainsKey("PagerDutyGroup"));
        Assert.Equal(7, (int)details["PaymentId"]!);
    }
}
