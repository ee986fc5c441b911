using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using PagerDutySinks.Serilog.Tests.Support;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Settings.Configuration;

namespace PagerDutySinks.Serilog.Tests;

/// <summary>The sink configured from appsettings.json through Serilog.Settings.Configuration.</summary>
[Collection(EmulatorTests.Name)]
public sealed class JsonConfigurationTests(EmulatorFixture fixture)
{
    private const string Args = "Serilog:WriteTo:0:Args:";

    /// <summary>The real appsettings.json, with the values only known at run time layered on top.</summary>
    private static IConfiguration Configuration(IDictionary<string, string?> overrides) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .AddInMemoryCollection(overrides)
            .Build();

    private Dictionary<string, string?> RunTimeSettings(string key) => new Dictionary<string, string?>
    {
        [Args + "routingKey"] = key,
        [Args + "endpoint"] = fixture.Endpoint,
    };

    [Fact]
    public async Task Settings_from_json_shape_the_alerts_that_arrive()
    {
        var key = TestRoutingKeys.NewKey();
        var logger = new LoggerConfiguration().ReadFrom.Configuration(Configuration(RunTimeSettings(key))).CreateLogger();

        logger.Information("Handled request");
        logger.Warning("Payment provider slow: {Seconds} s", 12);
        await logger.DisposeAsync();

        var alert = Assert.Single(fixture.AlertsFor(key));
        Assert.Equal("warning", alert.Severity);
        Assert.Contains("Payment provider slow: 12 s", alert.Summary, StringComparison.Ordinal);
        var body = Assert.Single(fixture.EventsFor(key)).Body!;
        Assert.Equal("json-configured-host", (string?)body["payload"]!["source"]);
        Assert.Equal("checkout", (string?)body["payload"]!["group"]);
        Assert.Equal("Checkout logs", (string?)body["client"]);
        Assert.Equal("https://logs.example.com/", (string?)body["client_url"]);
    }

    [Fact]
    public async Task A_level_switch_declared_in_json_controls_what_pages()
    {
        var key = TestRoutingKeys.NewKey();
        var settings = RunTimeSettings(key);
        settings["Serilog:LevelSwitches:$pagerDuty"] = "Fatal";
        settings[Args + "levelSwitch"] = "$pagerDuty";
        LoggingLevelSwitch? pagerDutyLevel = null;
        var readerOptions = new ConfigurationReaderOptions
        {
            OnLevelSwitchCreated = (name, levelSwitch) => pagerDutyLevel = name == "$pagerDuty" ? levelSwitch : pagerDutyLevel,
        };
        var logger = new LoggerConfiguration().ReadFrom.Configuration(Configuration(settings), readerOptions).CreateLogger();

        logger.Error("Before the switch: {Step}", 1);
        pagerDutyLevel!.MinimumLevel = LogEventLevel.Error;
        logger.Error("After the switch: {Step}", 2);
        await logger.DisposeAsync();

        var alert = Assert.Single(fixture.AlertsFor(key));
        Assert.Contains("After the switch", alert.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_file_is_read_from_disk_with_its_time_spans()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        var settings = Configuration(new Dictionary<string, string?>()).GetSection("Serilog:WriteTo:0:Args");

        Assert.Contains("\"updateInterval\": \"00:01:00\"", json, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.GetValue<TimeSpan>("updateInterval"));
    }

    [Fact]
    public void A_bad_routing_key_in_json_fails_at_configuration_time_naming_the_setting_with_the_key_masked()
    {
        var settings = RunTimeSettings("0123456789abcdef0123456789abcdef-too-long");

        var exception = Record.Exception(() => new LoggerConfiguration().ReadFrom.Configuration(Configuration(settings)).CreateLogger());

        var argument = Assert.IsAssignableFrom<ArgumentException>(Unwrap(exception));
        Assert.Contains("routingKey", argument.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef0123456789abcdef-too-long", argument.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_span_that_does_not_parse_fails_at_configuration_time()
    {
        var settings = RunTimeSettings(TestRoutingKeys.NewKey());
        settings[Args + "updateInterval"] = "every minute";

        var exception = Record.Exception(() => new LoggerConfiguration().ReadFrom.Configuration(Configuration(settings)).CreateLogger());

        Assert.IsType<FormatException>(Unwrap(exception));
    }

    [Fact]
    public void An_unknown_level_fails_at_configuration_time()
    {
        var settings = RunTimeSettings(TestRoutingKeys.NewKey());
        settings[Args + "restrictedToMinimumLevel"] = "Critical";

        var exception = Record.Exception(() => new LoggerConfiguration().ReadFrom.Configuration(Configuration(settings)).CreateLogger());

        var argument = Assert.IsAssignableFrom<ArgumentException>(Unwrap(exception));
        Assert.Contains("Critical", argument.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_sink_name_is_reported_on_SelfLog()
    {
        using var selfLog = new SelfLogCapture();
        var settings = RunTimeSettings(TestRoutingKeys.NewKey());
        settings["Serilog:WriteTo:0:Name"] = "PagerDutyy";

        using var logger = new LoggerConfiguration().ReadFrom.Configuration(Configuration(settings)).CreateLogger();

        Assert.Contains(selfLog.Lines, line => line.Contains("PagerDutyy", StringComparison.Ordinal));
    }

    private static Exception? Unwrap(Exception? exception) =>
        exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : exception;
}
