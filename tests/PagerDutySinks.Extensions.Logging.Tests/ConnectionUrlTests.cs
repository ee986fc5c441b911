using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PagerDutySinks.Extensions.Logging.Tests;

public sealed class ConnectionUrlTests
{
    [Fact]
    public async Task A_connection_url_as_routing_key_carries_the_endpoint_and_source()
    {
        await using var app = await TestApp.BuildAsync(
            new() { ["Logging:PagerDuty:Endpoint"] = null },
            configure: (builder, emulator) => builder.Configuration["Logging:PagerDuty:RoutingKey"] =
                $"pagerduty://127.0.0.1:{emulator.BaseAddress.Port}/{TestApp.Key}?source=url-host");
        await app.Host.StartAsync();

        app.Logger("MyApp.Orders").LogError(new InvalidOperationException("no stock"), "Order {OrderId} failed", 3);

        var sent = Assert.Single(await app.StopAndCollectAsync());
        Assert.Equal("url-host", (string?)sent.Payload()["source"]);
        Assert.Equal(TestApp.Key, sent.RoutingKey);
    }

    [Fact]
    public async Task A_bad_connection_url_fails_start_up_naming_the_setting_with_the_key_masked()
    {
        await using var app = await TestApp.BuildAsync(
            new() { ["Logging:PagerDuty:RoutingKey"] = $"pagerduty:///{TestApp.Key}?action=explode" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.Host.StartAsync());
        Assert.Contains("Logging:PagerDuty:RoutingKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("action", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.Key, error.Message, StringComparison.Ordinal);
    }
}
