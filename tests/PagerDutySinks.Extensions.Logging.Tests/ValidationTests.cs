using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PagerDutySinks.Extensions.Logging.Tests;

public sealed class ValidationTests
{
    [Fact]
    public async Task An_invalid_routing_key_fails_start_up_naming_the_setting_with_the_key_masked()
    {
        const string almostKey = "0123456789abcdef0123456789abcde";
        await using var app = await TestApp.BuildAsync(new() { ["Logging:PagerDuty:RoutingKey"] = almostKey });

        // Building the host created the logging factory: the provider stayed quiet instead of throwing.
        app.Logger("MyApp.Orders").LogError("Order {OrderId} failed", 1);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.Host.StartAsync());
        Assert.Contains("Logging:PagerDuty:RoutingKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(almostKey, error.Message, StringComparison.Ordinal);
        Assert.Contains(RoutingKey.Mask(almostKey), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_routing_key_fails_start_up()
    {
        await using var app = await TestApp.BuildAsync(new() { ["Logging:PagerDuty:RoutingKey"] = null });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.Host.StartAsync());
        Assert.Contains("Logging:PagerDuty:RoutingKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Logging:PagerDuty:Endpoint", "ftp://events.example.com", "Logging:PagerDuty:Endpoint")]
    [InlineData("Logging:PagerDuty:Endpoint", "http://events.example.com", "Logging:PagerDuty:Endpoint")]
    [InlineData("Logging:PagerDuty:UpdateInterval", "-00:01:00", "UpdateInterval")]
    [InlineData("Logging:PagerDuty:QueueLimit", "0", "QueueLimit")]
    [InlineData("Logging:PagerDuty:SeverityMap:None", "error", "Logging:PagerDuty:SeverityMap")]
    public async Task Invalid_settings_fail_start_up_naming_the_setting(string key, string value, string named)
    {
        await using var app = await TestApp.BuildAsync(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.Host.StartAsync());
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_provider_built_without_a_host_rejects_invalid_settings_with_the_key_masked()
    {
        var options = new PagerDutyLoggerOptions { RoutingKey = "not-a-key-but-a-secret-anyway!!" };

        var error = Assert.Throws<ArgumentException>(() => new PagerDutyLoggerProvider(options));
        Assert.Contains("Logging:PagerDuty:RoutingKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(options.RoutingKey, error.Message, StringComparison.Ordinal);
    }
}
