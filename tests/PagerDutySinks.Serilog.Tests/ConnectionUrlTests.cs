using System;
using System.Threading.Tasks;
using PagerDutySinks.Serilog.Tests.Support;
using Serilog;
using Shop;

namespace PagerDutySinks.Serilog.Tests;

[Collection(EmulatorTests.Name)]
public sealed class ConnectionUrlTests(EmulatorFixture fixture)
{
    [Fact]
    public async Task A_connection_url_in_the_routing_key_setting_carries_the_endpoint_and_source()
    {
        var key = TestRoutingKeys.NewKey();
        var port = fixture.Emulator.BaseAddress.Port;
        var logger = new LoggerConfiguration()
            .WriteTo.PagerDuty($"pagerduty://127.0.0.1:{port}/{key}?source=url%20host&client=Shop")
            .CreateLogger();

        logger.ForContext<CheckoutService>().Error(Failures.OutOfStock(), "Order {OrderId} failed", 7);
        await logger.DisposeAsync();

        var trigger = Assert.Single(fixture.EventsFor(key));
        Assert.Equal("url host", (string?)Json.Payload(trigger)["source"]);
        Assert.Equal("Shop", (string?)trigger.Body!["client"]);
    }

    [Fact]
    public void A_bad_connection_url_throws_naming_the_setting_without_revealing_the_key()
    {
        const string Key = "0123456789abcdef0123456789abcdef";
        var exception = Assert.ThrowsAny<ArgumentException>(() =>
            new LoggerConfiguration().WriteTo.PagerDuty($"pagerduty:///{Key}?severity=loud"));

        Assert.Contains("routingKey", exception.Message, StringComparison.Ordinal);
        Assert.Contains("severity", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, exception.Message, StringComparison.Ordinal);
    }
}
