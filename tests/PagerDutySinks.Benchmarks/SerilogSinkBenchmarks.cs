using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using PagerDutySinks.Emulator;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace PagerDutySinks.Benchmarks;

/// <summary>
/// The cost on the logging thread of <c>Log.Error(ex, ...)</c> through the PagerDuty sink, against Serilog's own
/// batching sink in front of a sink that does nothing (the baseline: what any background-sending sink costs).
/// </summary>
[MemoryDiagnoser]
public class SerilogSinkBenchmarks
{
    private PagerDutyEmulator? _emulator;
    private Logger? _batching;
    private Logger? _pagerDuty;
    private Exception? _exception;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });
        _exception = CaptureException();
        _batching = new LoggerConfiguration()
            .WriteTo.Sink(new NoOpBatchedSink(), new BatchingOptions())
            .CreateLogger();
        _pagerDuty = new LoggerConfiguration()
            .WriteTo.PagerDuty(Guid.NewGuid().ToString("N"), endpoint: _emulator.BaseAddress.ToString(), rateLimitPerMinute: 1_000_000)
            .CreateLogger();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _pagerDuty!.DisposeAsync();
        await _batching!.DisposeAsync();
        await _emulator!.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "Error(ex) → BatchingSink(no-op)")]
    public void BatchingSink() => _batching!.Error(_exception, "Charging order {OrderId} failed", 42);

    [Benchmark(Description = "Error(ex) → PagerDuty sink")]
    public void PagerDutySink() => _pagerDuty!.Error(_exception, "Charging order {OrderId} failed", 42);

    [Benchmark(Description = "Information → PagerDuty sink (filtered)")]
    public void PagerDutySinkFiltered() => _pagerDuty!.Information("Handled order {OrderId}", 42);

    private static InvalidOperationException CaptureException()
    {
        try
        {
            throw new InvalidOperationException("Card declined");
        }
        catch (InvalidOperationException failure)
        {
            return failure;
        }
    }

    private sealed class NoOpBatchedSink : IBatchedLogEventSink
    {
        public Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch) => Task.CompletedTask;

        public Task OnEmptyBatchAsync() => Task.CompletedTask;
    }
}
