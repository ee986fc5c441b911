using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PagerDutySinks.Extensions.Logging.Tests;

public sealed class ThresholdTests
{
    [Fact]
    public async Task Errors_page_by_default_and_the_general_log_level_does_not_lower_the_threshold()
    {
        await using var app = await TestApp.StartAsync(new() { ["Logging:LogLevel:Default"] = "Trace" });
        var logger = app.Logger("MyApp.Orders");

        Assert.False(logger.IsEnabled(LogLevel.Warning));
        Assert.True(logger.IsEnabled(LogLevel.Error));
        logger.LogInformation("Order {OrderId} received", 1);
        logger.LogWarning("Order {OrderId} is slow", 2);
        logger.LogError("Payment for order {OrderId} failed", 3);
        logger.LogCritical("Database {Database} unreachable", "orders");

        var events = await app.StopAndCollectAsync();
        Assert.Equal(2, events.Count);
        Assert.Contains(events, e => e.Summary().Contains("Payment for order 3 failed", System.StringComparison.Ordinal));
        Assert.Contains(events, e => e.Summary().Contains("Database orders unreachable", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_provider_level_from_an_appsettings_file_overrides_the_default()
    {
        await using var app = await TestApp.StartAsync(
            settings: new() { ["Logging:PagerDuty:RoutingKey"] = null, ["Logging:PagerDuty:Endpoint"] = null },
            appsettingsJson: emulator => $$"""
                {
                  "Logging": {
                    "PagerDuty": {
                      "RoutingKey": "{{TestApp.Key}}",
                      "Endpoint": "{{emulator.BaseAddress}}",
                      "LogLevel": { "Default": "Warning" }
                    }
                  }
                }
                """);
        var logger = app.Logger("MyApp.Disks");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        logger.LogInformation("Disk {Disk} checked", "sda");
        logger.LogWarning("Disk {Disk} almost full", "sdb");

        var events = await app.StopAndCollectAsync();
        var warning = Assert.Single(events);
        Assert.Contains("Disk sdb almost full", warning.Summary(), System.StringComparison.Ordinal);
        Assert.Equal("warning", (string?)warning.Payload()["severity"]);
    }

    [Fact]
    public async Task Per_category_levels_silence_or_raise_a_category()
    {
        await using var app = await TestApp.StartAsync(new()
        {
            ["Logging:PagerDuty:LogLevel:MyApp.Noisy"] = "None",
            ["Logging:PagerDuty:LogLevel:MyApp.Chatty"] = "Critical",
            ["Logging:PagerDuty:LogLevel:MyApp.Recovery"] = "Information",
        });

        Assert.False(app.Logger("MyApp.Noisy.Worker").IsEnabled(LogLevel.Critical));
        app.Logger("MyApp.Noisy.Worker").LogCritical("Noisy worker {Id} crashed", 1);
        app.Logger("MyApp.Chatty").LogError("Chatty error {Id}", 2);
        app.Logger("MyApp.Chatty").LogCritical("Chatty critical {Id}", 3);
        app.Logger("MyApp.Recovery").LogInformation("Recovery note {Id}", 4);
        app.Logger("MyApp.Orders").LogError("Order error {Id}", 5);

        var summaries = (await app.StopAndCollectAsync()).Select(e => e.Summary()).ToList();
        Assert.Equal(3, summaries.Count);
        Assert.Contains(summaries, s => s.Contains("Chatty critical 3", System.StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.Contains("Recovery note 4", System.StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.Contains("Order error 5", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_filter_added_in_code_after_AddPagerDuty_wins_over_the_default()
    {
        await using var app = await TestApp.StartAsync(configure: (builder, _) =>
            builder.Logging.AddFilter<PagerDutyLoggerProvider>("MyApp.Jobs", LogLevel.Warning));

        Assert.True(app.Logger("MyApp.Jobs.Nightly").IsEnabled(LogLevel.Warning));
        Assert.False(app.Logger("MyApp.Web").IsEnabled(LogLevel.Warning));
        app.Logger("MyApp.Jobs.Nightly").LogWarning("Job {Job} retried", "cleanup");

        var events = await app.StopAndCollectAsync();
        Assert.Contains("Job cleanup retried", Assert.Single(events).Summary(), System.StringComparison.Ordinal);
    }
}
