using System;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using PagerDutySinks.Emulator;
using PagerDutySinks.Extensions.Logging;

namespace PagerDutySinks.Benchmarks;

/// <summary>
/// The cost on the logging thread of <c>logger.LogError(ex, ...)</c> through the PagerDuty provider, against the
/// console provider writing to a null output. Both hand the event to a background thread; only the call is measured.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1848, CA1873 // The ordinary LogError call is what is measured.
public class MelProviderBenchmarks
{
    private PagerDutyEmulator _emulator = null!;
    private ILoggerFactory _console = null!;
    private ILoggerFactory _pagerDuty = null!;
    private ILogger _consoleLogger = null!;
    private ILogger _pagerDutyLogger = null!;
    private Exception _exception = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _exception = Thrown();
        _emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = 0 });

        // The console provider binds its writers when created: point them at nowhere for that moment only,
        // so the benchmark's own output is untouched.
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
        try
        {
            _console = LoggerFactory.Create(logging => logging
                .SetMinimumLevel(LogLevel.Error)
                .AddSimpleConsole(options => options.ColorBehavior = LoggerColorBehavior.Disabled));
            _consoleLogger = _console.CreateLogger("MyApp.Orders");
            _consoleLogger.LogError(_exception, "Warm-up {OrderId}", 0);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }

        _pagerDuty = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Error)
            .AddProvider(new PagerDutyLoggerProvider(new PagerDutyLoggerOptions
            {
                RoutingKey = "0123456789abcdef0123456789abcdef",
                Endpoint = _emulator.BaseAddress.ToString(),
            })));
        _pagerDutyLogger = _pagerDuty.CreateLogger("MyApp.Orders");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _pagerDuty.Dispose();
        _console.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public void Console_LogError() => _consoleLogger.LogError(_exception, "Payment for order {OrderId} failed", 42);

    [Benchmark]
    public void PagerDuty_LogError() => _pagerDutyLogger.LogError(_exception, "Payment for order {OrderId} failed", 42);

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("The payment gateway declined the card.");
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }
}
#pragma warning restore CA1848, CA1873
