using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PagerDutySinks.Extensions.Logging.Tests;

public sealed class ReloadTests
{
    [Fact]
    public async Task A_reloaded_threshold_takes_effect_without_a_restart()
    {
        await using var app = await TestApp.StartAsync();
        var logger = app.Logger("MyApp.Disks");
        Assert.False(logger.IsEnabled(LogLevel.Warning));

        app.Reload("Logging:PagerDuty:LogLevel:Default", "Warning");

        await Until(() => logger.IsEnabled(LogLevel.Warning));
        logger.LogWarning("Disk {Disk} almost full", "sdb");
        var events = await app.StopAndCollectAsync();
        Assert.Contains("Disk sdb almost full", Assert.Single(events).Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reloaded_routing_key_applies_to_later_alerts_while_earlier_ones_are_still_delivered()
    {
        await using var app = await TestApp.StartAsync();
        var logger = app.Logger("MyApp.Orders");
        var first = app.Provider.Current!.Pipeline;
        logger.LogError("Before the key change {Id}", 1);

        app.Reload("Logging:PagerDuty:RoutingKey", TestApp.OtherKey);

        await Until(() => !ReferenceEquals(app.Provider.Current?.Pipeline, first));
        logger.LogError("After the key change {Id}", 2);
        var events = await app.StopAndCollectAsync();
        Assert.Equal(2, events.Count);
        Assert.Equal(TestApp.Key, events.Single(e => e.Summary().Contains("Before", StringComparison.Ordinal)).RoutingKey);
        Assert.Equal(TestApp.OtherKey, events.Single(e => e.Summary().Contains("After", StringComparison.Ordinal)).RoutingKey);
    }

    [Fact]
    public async Task A_reload_that_does_not_touch_the_provider_settings_keeps_the_pipeline_and_its_alert_state()
    {
        await using var app = await TestApp.StartAsync();
        var pipeline = app.Provider.Current!.Pipeline;

        app.Reload("Logging:PagerDuty:LogLevel:Default", "Warning");
        app.Reload("Logging:LogLevel:Default", "Debug");

        Assert.Same(pipeline, app.Provider.Current!.Pipeline);
    }

    /// <summary>Waits for a condition a reload brings about; reloads apply synchronously, the timeout is only a guard.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The reloaded settings were not applied.");
            await Task.Delay(5);
        }
    }
}
