using System;
using PagerDutySinks.Serilog.Tests.Support;
using Serilog;
using Serilog.Configuration;

namespace PagerDutySinks.Serilog.Tests;

public sealed class ConfigurationValidationTests
{
    private const string ValidKey = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789abcdef 123456789abcdef")]
    public void A_bad_routing_key_throws_naming_the_setting_without_revealing_the_key(string routingKey)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new LoggerConfiguration().WriteTo.PagerDuty(routingKey));

        Assert.Contains("routingKey", exception.Message, StringComparison.Ordinal);
        if (routingKey.Length > 12)
        {
            Assert.DoesNotContain(routingKey, exception.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("asia")]
    [InlineData("ftp://events.example.com/")]
    [InlineData("http://events.example.com/")]
    public void A_bad_endpoint_throws_naming_the_setting(string endpoint)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new LoggerConfiguration().WriteTo.PagerDuty(ValidKey, endpoint: endpoint));

        Assert.Contains("endpoint", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_to_another_host_is_allowed_only_when_asked_for()
    {
        using var sink = new PagerDutySink(new PagerDutySinkOptions
        {
            RoutingKey = ValidKey,
            Endpoint = "http://events.example.com/",
            AllowInsecureHttp = true,
        });

        Assert.Equal(0, sink.Statistics.Enqueued);
    }

    [Theory]
    [InlineData("rateLimitPerMinute")]
    [InlineData("queueLimit")]
    [InlineData("stormThreshold")]
    [InlineData("updateInterval")]
    public void Zero_limits_throw_naming_the_setting(string setting)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new LoggerConfiguration().WriteTo.PagerDuty(
            ValidKey,
            rateLimitPerMinute: setting == "rateLimitPerMinute" ? 0 : null,
            queueLimit: setting == "queueLimit" ? 0 : null,
            stormThreshold: setting == "stormThreshold" ? -1 : null,
            updateInterval: setting == "updateInterval" ? TimeSpan.Zero : null));

        Assert.Contains(setting, exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ValidKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ((LoggerSinkConfiguration)null!).PagerDuty(ValidKey));
        Assert.Throws<ArgumentNullException>(() => ((LoggerSinkConfiguration)null!).PagerDuty(new PagerDutySinkOptions()));
        Assert.Throws<ArgumentNullException>(() => new LoggerConfiguration().WriteTo.PagerDuty((PagerDutySinkOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new PagerDutySink(null!));
    }

    [Fact]
    public void Options_start_with_the_core_defaults()
    {
        var options = new PagerDutySinkOptions();
        var core = new PagerDutySinks.Pipeline.AlertPipelineOptions();

        Assert.Equal(core.InAppExclude, options.InAppExclude);
        Assert.Equal(core.IgnoredCategories, options.IgnoredSourceContexts);
        Assert.True(options.RedactedProperties.SetEquals(core.RedactedProperties));
        Assert.Equal("PagerDutyDedupKey", options.DedupKeyPropertyName);
        Assert.Equal("PagerDutyAction", options.ActionPropertyName);
    }
}
