using System;
using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;
using PagerDutySinks.Serilog.Tests.Support;
using Serilog;
using Serilog.Core;

namespace PagerDutySinks.Serilog.Tests;

/// <summary>Uses its own emulators: injected faults must not reach other tests.</summary>
[Collection(EmulatorTests.Name)]
public sealed class FailureReportingTests
{
    [Fact]
    public async Task A_rejected_event_is_written_to_SelfLog_without_the_routing_key()
    {
        await using var emulator = await PagerDutyEmulator.StartAsync();
        var key = TestRoutingKeys.NewKey();
        using var selfLog = new SelfLogCapture();
        var logger = new LoggerConfiguration().WriteTo.PagerDuty(key, endpoint: emulator.BaseAddress.ToString()).CreateLogger();
        emulator.Faults.FailNext(1, 400);

        logger.Error("Payment failed");
        await logger.DisposeAsync();

        Assert.Equal(400, Assert.Single(emulator.Events).StatusCode);
        Assert.Contains(selfLog.Lines, line => line.Contains("Rejected", StringComparison.Ordinal));
        Assert.DoesNotContain(selfLog.Lines, line => line.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteTo_Fallible_hears_about_a_rejected_event()
    {
        await using var emulator = await PagerDutyEmulator.StartAsync();
        var key = TestRoutingKeys.NewKey();
        var listener = new RecordingFailureListener();
        var logger = new LoggerConfiguration()
            .WriteTo.Fallible(writeTo => writeTo.PagerDuty(key, endpoint: emulator.BaseAddress.ToString()), listener)
            .CreateLogger();
        emulator.Faults.FailNext(1, 400);

        logger.Error("Payment failed");
        await logger.DisposeAsync();

        var failure = Assert.Single(listener.Failures);
        Assert.Equal(LoggingFailureKind.Permanent, failure.Kind);
        Assert.IsType<PagerDutySink>(failure.Sender);
        Assert.Contains("Rejected", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_still_pending_when_the_shutdown_timeout_expires_are_reported_as_final()
    {
        await using var emulator = await PagerDutyEmulator.StartAsync();
        var key = TestRoutingKeys.NewKey();
        var listener = new RecordingFailureListener();
        var sink = new PagerDutySink(new PagerDutySinkOptions
        {
            RoutingKey = key,
            Endpoint = emulator.BaseAddress.ToString(),
            ShutdownTimeout = TimeSpan.FromMilliseconds(300),
        });
        sink.SetFailureListener(listener);
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        // The emulator holds its answer far longer than the sink may wait at shutdown.
        emulator.Faults.SetLatency(TimeSpan.FromSeconds(30));
        logger.Error("Payment failed");
        await logger.DisposeAsync();

        var failure = Assert.Single(listener.Failures, failure => failure.Kind == LoggingFailureKind.Final);
        Assert.Same(sink, failure.Sender);
        Assert.DoesNotContain(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_SelfLog_as_the_listener_does_not_write_every_problem_twice()
    {
        await using var emulator = await PagerDutyEmulator.StartAsync();
        using var selfLog = new SelfLogCapture();
        var logger = new LoggerConfiguration()
            .WriteTo.Fallible(writeTo => writeTo.PagerDuty(TestRoutingKeys.NewKey(), endpoint: emulator.BaseAddress.ToString()), global::Serilog.Debugging.SelfLog.FailureListener)
            .CreateLogger();
        emulator.Faults.FailNext(1, 400);

        logger.Error("Payment failed");
        await logger.DisposeAsync();

        Assert.Single(selfLog.Lines, line => line.Contains("Rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_event_the_sink_cannot_take_reaches_the_listener_with_the_event_itself()
    {
        await using var emulator = await PagerDutyEmulator.StartAsync();
        var listener = new RecordingFailureListener();
        var sink = new PagerDutySink(new PagerDutySinkOptions { RoutingKey = TestRoutingKeys.NewKey(), Endpoint = emulator.BaseAddress.ToString() });
        sink.SetFailureListener(listener);
        await sink.DisposeAsync();
        var logEvent = CapturingSink.Capture(logger => logger.Error("Payment failed after shutdown"));

        sink.Emit(logEvent);

        var failure = Assert.Single(listener.Failures);
        Assert.Equal(LoggingFailureKind.Permanent, failure.Kind);
        Assert.Same(logEvent, Assert.Single(failure.Events!));
        Assert.Empty(emulator.Events);
    }
}
