using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;
using PagerDutySinks.Reliability.Tests.Support;

namespace PagerDutySinks.Reliability.Tests;

/// <summary>Load: a flood of distinct problems and a multi-threaded soak. Memory stays bounded and every problem is alerted.</summary>
[Collection(ProcessWideStateTests.Name)]
public sealed class LoadTests
{
    private const long MegaByte = 1024 * 1024;

    [Fact]
    public async Task Hundred_thousand_distinct_dedup_keys_in_a_minute_keep_memory_bounded_and_raise_a_storm_alert()
    {
        await using var rig = await SerilogRig.StartAsync(o =>
        {
            o.StormThreshold = 10;
            o.QueueLimit = 100_000;
        });
        var logger = rig.Logger;
        var before = GC.GetTotalMemory(forceFullCollection: true);

        const int Logged = 100_000;
        for (var i = 0; i < Logged; i++)
        {
            logger.ForContext("PagerDutyDedupKey", "flood-" + i).Error("Shard {Shard} unreachable", i);
        }

        var result = await rig.FlushAsync(TimeSpan.FromMinutes(1));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"flood: {Logged} distinct keys, memory {before / MegaByte} -> {after / MegaByte} MB, {rig.Accepted.Count} requests accepted, {rig.Statistics}");

        Assert.True(result.Completed);

        // 10,000 tracked keys at most (the LRU bound), each a few hundred bytes: far below this.
        Assert.True(after - before < 64 * MegaByte, $"memory grew by {(after - before) / MegaByte} MB");
        var storms = rig.Accepted.Where(e => IsStorm(e.Body)).ToList();
        Assert.NotEmpty(storms);
        Assert.True(rig.Statistics.StormAlerts >= 1);

        // The storm alert (and its updates) instead of 100,000 pages; the first ten keys page on their own only if their
        // triggers left before the storm began, otherwise the storm alert lists them instead.
        Assert.InRange(rig.Accepted.Count, 1, 50);
        Accounting.AssertNothingLost(rig, Logged);
    }

    [Fact]
    public async Task Soak_four_threads_at_full_speed_memory_stays_flat_and_every_signature_is_alerted()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_SOAK_SECONDS"), out var s) ? s : 12;
        const int Signatures = 40;
        await using var emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = 120 });
        var key = Keys.NewRoutingKey();
        var sink = new PagerDutySinks.Serilog.PagerDutySink(new PagerDutySinks.Serilog.PagerDutySinkOptions
        {
            RoutingKey = key,
            Endpoint = emulator.BaseAddress.ToString(),
            Source = "soak",
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });
        var listener = new RecordingListener();
        sink.SetFailureListener(listener);
        using var logger = new global::Serilog.LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        var logged = new long[4];
        var warmUp = TimeSpan.FromSeconds(Math.Max(2, seconds / 4));
        var total = TimeSpan.FromSeconds(seconds);
        using var stop = new CancellationTokenSource(total);
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            var n = 0L;
            while (!stop.IsCancellationRequested)
            {
                var signature = (int)(n % Signatures);
                logger.ForContext("PagerDutyDedupKey", "soak-" + signature).Error("Worker {Thread} failed job {Job}", t, n);
                n++;
            }

            logged[t] = n;
        })).ToList();

        var watch = Stopwatch.StartNew();
        threads.ForEach(t => t.Start());
        await Task.Delay(warmUp);
        var warmMemory = GC.GetTotalMemory(forceFullCollection: true);
        threads.ForEach(t => t.Join());
        var result = await sink.FlushAsync(TimeSpan.FromSeconds(30));
        watch.Stop();

        // After the flush the buffer is empty again: what is left is what the pipeline keeps per alert.
        var endMemory = GC.GetTotalMemory(forceFullCollection: true);

        Assert.True(result.Completed);
        var totalLogged = logged.Sum();
        Assert.True(totalLogged > 10_000, $"only {totalLogged} events logged");

        // Flat memory: what the process holds at the end is close to what it held after warm-up.
        Assert.True(endMemory - warmMemory < 32 * MegaByte, $"memory grew from {warmMemory / MegaByte} MB to {endMemory / MegaByte} MB; {logged.Sum()} logged; {sink.Statistics}");

        // Every signature has its own alert or is listed in a storm alert.
        var accepted = emulator.Events.Where(e => e.RoutingKey == key && e.Outcome == ReceivedOutcome.Accepted).ToList();
        var alerted = new HashSet<string>(accepted.Where(e => !IsStorm(e.Body)).Select(e => e.DedupKey!), StringComparer.Ordinal);
        foreach (var storm in accepted.Where(e => IsStorm(e.Body)))
        {
            foreach (var problem in storm.Body!["payload"]!["custom_details"]!["problems"]!.AsArray())
            {
                alerted.Add(problem!["dedup_key"]!.GetValue<string>());
            }
        }

        var missing = Enumerable.Range(0, Signatures).Select(i => "soak-" + i).Where(k => !alerted.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "not alerted: " + string.Join(", ", missing));
        Assert.True(emulator.PeakRequestsPerMinute(key) <= 120);

        var stats = sink.Statistics;
        Assert.Equal(totalLogged, stats.Enqueued + stats.Dropped);
        Assert.True(stats.LossAccountingHolds, stats.ToString());
        Assert.Equal(stats.Dropped, listener.DroppedEvents);
        Console.WriteLine($"soak: {totalLogged} events in {total.TotalSeconds} s ({totalLogged / total.TotalSeconds:F0}/s), " +
            $"memory {warmMemory / MegaByte} -> {endMemory / MegaByte} MB, {accepted.Count} requests accepted, {stats}");
    }

    private static bool IsStorm(JsonNode? body) =>
        body?["payload"]?["summary"]?.GetValue<string>().StartsWith("Alert storm", StringComparison.Ordinal) == true;
}
