using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PagerDutySinks.Extensions.Logging;
using Serilog;

namespace PagerDutySinks.Reliability.Tests;

/// <summary>Bad settings fail at configuration time, naming the setting and never showing the routing key whole.</summary>
public sealed class ConfigurationTests
{
    private const string GoodKey = "R0uting0Key0For0Config0Tests0001";

    public static TheoryData<string, string> InvalidRoutingKeys => new()
    {
        { "0123456789abcdef0123456789abcde", "31 characters" },
        { "0123456789abcdef0123456789abcdef0", "33 characters" },
        { "0123456789abcdef 123456789abcdef", "a space inside" },
        { " 0123456789abcdef0123456789abcdef ", "padded with spaces" },
        { "u+Xk3pQ9zR7vL2mN8bW4", "a REST API token (u+…) by mistake" },
        { "y_NbAkKc66ryYTWUXYEu", "a 20-character API key by mistake" },
        { "", "empty" },
    };

    [Theory]
    [MemberData(nameof(InvalidRoutingKeys))]
    public void Serilog_rejects_an_invalid_routing_key_naming_the_setting_with_the_key_masked(string key, string why)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            new LoggerConfiguration().WriteTo.PagerDuty(key, endpoint: "http://127.0.0.1:9/").CreateLogger());

        Assert.Contains("routingKey", error.Message, StringComparison.Ordinal);
        AssertKeyNotShown(key, error.ToString(), why);
    }

    [Theory]
    [MemberData(nameof(InvalidRoutingKeys))]
    public void Logging_provider_rejects_an_invalid_routing_key_naming_the_setting_with_the_key_masked(string key, string why)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            new PagerDutyLoggerProvider(new PagerDutyLoggerOptions { RoutingKey = key, Endpoint = "http://127.0.0.1:9/" }));

        Assert.Contains("Logging:PagerDuty:RoutingKey", error.Message, StringComparison.Ordinal);
        AssertKeyNotShown(key, error.ToString(), why);
    }

    [Fact]
    public async Task Host_start_fails_on_an_invalid_routing_key_naming_the_setting_with_the_key_masked()
    {
        const string Key = "0123456789abcdef 123456789abcdef";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddPagerDuty(o => o.RoutingKey = Key);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Logging:PagerDuty:RoutingKey", error.Message, StringComparison.Ordinal);
        AssertKeyNotShown(Key, error.ToString(), "host validation");
    }

    [Theory]
    [InlineData("ftp://events.pagerduty.com")]
    [InlineData("not a url")]
    [InlineData("http://events.example.com")]
    [InlineData("https://")]
    [InlineData("mars")]
    public void Bad_endpoint_url_fails_naming_the_setting(string endpoint)
    {
        var serilog = Assert.ThrowsAny<ArgumentException>(() =>
            new LoggerConfiguration().WriteTo.PagerDuty(GoodKey, endpoint: endpoint).CreateLogger());
        var mel = Assert.ThrowsAny<ArgumentException>(() =>
            new PagerDutyLoggerProvider(new PagerDutyLoggerOptions { RoutingKey = GoodKey, Endpoint = endpoint }));

        Assert.Contains("endpoint", serilog.Message, StringComparison.Ordinal);
        Assert.Contains("Logging:PagerDuty:Endpoint", mel.Message, StringComparison.Ordinal);
        AssertKeyNotShown(GoodKey, serilog.ToString() + mel, "endpoint errors");
    }

    [Fact]
    public void Plain_http_to_another_host_needs_an_explicit_opt_in()
    {
        var refused = Assert.ThrowsAny<ArgumentException>(() =>
            new LoggerConfiguration().WriteTo.PagerDuty(GoodKey, endpoint: "http://pagerduty-proxy.internal:8080").CreateLogger());
        Assert.Contains("https", refused.Message, StringComparison.Ordinal);

        using var allowed = new LoggerConfiguration()
            .WriteTo.PagerDuty(GoodKey, endpoint: "http://pagerduty-proxy.internal:8080", allowInsecureHttp: true, shutdownTimeout: TimeSpan.Zero)
            .CreateLogger();
        Assert.NotNull(allowed);

        // Loopback needs no opt-in (the emulator, a local relay).
        using var loopback = new LoggerConfiguration().WriteTo.PagerDuty(GoodKey, endpoint: "http://127.0.0.1:9/", shutdownTimeout: TimeSpan.Zero).CreateLogger();
        Assert.NotNull(loopback);
    }

    [Theory]
    [InlineData("RateLimitPerMinute", 0)]
    [InlineData("RateLimitPerMinute", -5)]
    [InlineData("QueueLimit", 0)]
    [InlineData("QueueLimit", -1)]
    [InlineData("StormThreshold", 0)]
    [InlineData("StormThreshold", -10)]
    public void Zero_or_negative_limits_fail_naming_the_setting(string setting, int value)
    {
        var serilog = Assert.ThrowsAny<ArgumentException>(() => new LoggerConfiguration().WriteTo.PagerDuty(
            GoodKey,
            endpoint: "http://127.0.0.1:9/",
            rateLimitPerMinute: setting == "RateLimitPerMinute" ? value : null,
            queueLimit: setting == "QueueLimit" ? value : null,
            stormThreshold: setting == "StormThreshold" ? value : null).CreateLogger());
        var options = new PagerDutyLoggerOptions { RoutingKey = GoodKey, Endpoint = "http://127.0.0.1:9/" };
        switch (setting)
        {
            case "RateLimitPerMinute": options.RateLimitPerMinute = value; break;
            case "QueueLimit": options.QueueLimit = value; break;
            default: options.StormThreshold = value; break;
        }

        var mel = Assert.ThrowsAny<ArgumentException>(() => new PagerDutyLoggerProvider(options));

        Assert.Contains(setting, serilog.Message, StringComparison.Ordinal);
        Assert.Contains(setting, mel.Message, StringComparison.Ordinal);
        AssertKeyNotShown(GoodKey, serilog.ToString() + mel, setting);
    }

    [Theory]
    [InlineData("UpdateInterval")]
    [InlineData("RepeatInterval")]
    [InlineData("ResolveAfter")]
    [InlineData("ShutdownTimeout")]
    public void Zero_or_negative_durations_fail_naming_the_setting(string setting)
    {
        var negative = TimeSpan.FromSeconds(-1);
        var serilog = Assert.ThrowsAny<ArgumentException>(() => new LoggerConfiguration().WriteTo.PagerDuty(
            GoodKey,
            endpoint: "http://127.0.0.1:9/",
            updateInterval: setting == "UpdateInterval" ? negative : null,
            repeatInterval: setting == "RepeatInterval" ? negative : null,
            resolveAfter: setting == "ResolveAfter" ? negative : null,
            shutdownTimeout: setting == "ShutdownTimeout" ? negative : null).CreateLogger());

        Assert.Contains(setting, serilog.Message, StringComparison.Ordinal);
        AssertKeyNotShown(GoodKey, serilog.ToString(), setting);
    }

    private static void AssertKeyNotShown(string key, string text, string why)
    {
        var trimmed = key.Trim();
        if (trimmed.Length >= 8)
        {
            Assert.False(text.Contains(trimmed, StringComparison.Ordinal), $"{why}: the key appears whole in: {text}");
        }
    }
}
