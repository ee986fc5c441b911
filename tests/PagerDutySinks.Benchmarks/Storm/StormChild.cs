using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using PagerDutySinks.Fingerprinting;
using Serilog;
using Serilog.Core;
using Storm.Shop;

namespace PagerDutySinks.Benchmarks.Storm;

/// <summary>One side of the storm comparison, run in its own process so its working set is its own.</summary>
internal static class StormChild
{
    public static int Run(string mode, int events, int threads, string endpoint, string routingKey, int rateLimit)
    {
        var exceptions = StormBugs.CaptureAll();
        FloorSink? floor = null;
        Logger logger;
        if (mode == "floor")
        {
            floor = new FloorSink();
            logger = new LoggerConfiguration().MinimumLevel.Error().WriteTo.Sink(floor).CreateLogger();
        }
        else
        {
            logger = new LoggerConfiguration().MinimumLevel.Error()
                .WriteTo.PagerDuty(routingKey, endpoint: endpoint, rateLimitPerMinute: rateLimit, source: "storm-bench")
                .CreateLogger();
        }

        using var sampler = new WorkingSetSampler();
        var perThread = events / threads;
        var ticks = new long[threads][];
        var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var mine = ticks[t] = new long[perThread];
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                var before = Stopwatch.GetTimestamp();
                logger.Error(exceptions[(i + t) % StormBugs.Count], "Order {OrderId} failed for {Customer}", i, "c-42");
                mine[i] = Stopwatch.GetTimestamp() - before;
            }
        })).ToArray();
        foreach (var w in workers)
        {
            w.Start();
        }

        var wall = Stopwatch.StartNew();
        start.SignalAndWait();
        foreach (var w in workers)
        {
            w.Join();
        }

        wall.Stop();
        var flush = Stopwatch.StartNew();
        logger.Dispose();
        floor?.Dispose();
        flush.Stop();

        var p = LatencyHistogram.Percentiles(ticks, 50, 99, 99.9, 100);
        var fingerprinter = new ExceptionFingerprinter(new FingerprintOptions());
        var result = new StormResult
        {
            Mode = mode,
            Events = perThread * threads,
            Threads = threads,
            WallSeconds = wall.Elapsed.TotalSeconds,
            FlushSeconds = flush.Elapsed.TotalSeconds,
            P50Ns = p[0],
            P99Ns = p[1],
            P999Ns = p[2],
            MaxNs = p[3],
            PeakWorkingSetBytes = sampler.Peak,
            Dropped = floor?.Dropped ?? 0,
            ExpectedKeys = exceptions.Select(e => fingerprinter.Compute(e).DedupKey).ToArray(),
        };
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
        return 0;
    }
}
