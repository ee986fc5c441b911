using System;
using System.Threading.Tasks;
using PagerDutySinks.Serilog.Tests.Support;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace PagerDutySinks.Serilog.Tests;

[Collection(EmulatorTests.Name)]
public sealed class LevelFilteringTests(EmulatorFixture fixture)
{
    [Fact]
    public async Task Events_below_the_minimum_level_never_reach_the_pipeline()
    {
        var key = TestRoutingKeys.NewKey();
        var sink = new PagerDutySink(new PagerDutySinkOptions { RoutingKey = key, Endpoint = fixture.Endpoint });
        var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();

        for (var i = 0; i < 100; i++)
        {
            logger.Verbose("Tick {I}", i);
            logger.Information("Handled request {I}", i);
            logger.Warning("Slow request {I}", i);
        }

        logger.Error("Request {I} failed", 100);
        Assert.Equal(1, sink.Statistics.Enqueued);
        await logger.DisposeAsync();

        var alert = Assert.Single(fixture.AlertsFor(key));
        Assert.Contains("Request 100 failed", alert.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_switch_changes_what_pages_at_run_time()
    {
        var key = TestRoutingKeys.NewKey();
        var levelSwitch = new LoggingLevelSwitch(LogEventLevel.Error);
        var logger = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.PagerDuty(key, endpoint: fixture.Endpoint, levelSwitch: levelSwitch, restrictedToMinimumLevel: LogEventLevel.Fatal)
            .CreateLogger();

        logger.Warning("Queue {Name} is backing up", "first");
        levelSwitch.MinimumLevel = LogEventLevel.Warning;
        logger.Warning("Queue {Name} is backing up", "second");
        levelSwitch.MinimumLevel = LogEventLevel.Fatal;
        logger.Error("Queue {Name} stalled", "third");
        await logger.DisposeAsync();

        var alert = Assert.Single(fixture.AlertsFor(key));
        Assert.Contains("second", alert.Summary, StringComparison.Ordinal);
        Assert.Equal("warning", alert.Severity);
    }

    [Fact]
    public async Task The_minimum_level_can_be_lowered_to_warnings()
    {
        var key = TestRoutingKeys.NewKey();
        var logger = new LoggerConfiguration()
            .WriteTo.PagerDuty(key, LogEventLevel.Warning, endpoint: fixture.Endpoint)
            .CreateLogger();

        logger.Information("Started");
        logger.Warning("Disk at {Percent} %", 91);
        await logger.DisposeAsync();

        var alert = Assert.Single(fixture.AlertsFor(key));
        Assert.Equal("warning", alert.Severity);
        Assert.Contains("Disk at 91 %", alert.Summary, StringComparison.Ordinal);
    }
}
