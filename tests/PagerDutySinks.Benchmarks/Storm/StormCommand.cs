using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Benchmarks.Storm;

/// <summary>
/// The storm benchmark: N error events with 100 distinct signatures from several threads, once through a floor sink
/// (a bare TryWrite into a bounded channel) and once through the PagerDuty sink against the emulator, each in its
/// own process. Prints a markdown table and writes it to BenchmarkDotNet.Artifacts/storm.md.
/// </summary>
internal static class StormCommand
{
    private const string RoutingKey = "stormbenchstormbenchstormbench01";

    public static async Task<int> RunAsync(int events, int threads, int rateLimit)
    {
        await using var emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = rateLimit });
        var endpoint = emulator.BaseAddress.ToString();
        Console.WriteLine($"Storm: {events:N0} events, {threads} threads, limit {rateLimit}/min, emulator {endpoint}");

        var floor = RunChild("floor", events, threads, endpoint, rateLimit);
        emulator.Reset();
        var ours = RunChild("pagerduty", events, threads, endpoint, rateLimit);

        var requests = emulator.Events.Where(e => e.Path.Contains("enqueue", StringComparison.Ordinal)).ToList();
        var accepted = requests.Where(e => e.StatusCode == 202).ToList();
        var throttled = requests.Count(e => e.StatusCode == 429);
        var peak = SlidingWindow.Peak(requests.Select(e => e.ReceivedAt), TimeSpan.FromMinutes(1));
        var sentText = string.Join("\n", accepted.Select(e => e.Body?.ToJsonString() ?? ""));
        var visible = ours.ExpectedKeys.Distinct().Count(k => sentText.Contains(JsonEncodedText.Encode(k).ToString(), StringComparison.Ordinal));
        var distinct = ours.ExpectedKeys.Distinct().Count();

        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Storm: {events:N0} error events, {distinct} distinct signatures, {threads} logging threads, limit {rateLimit} requests/min.")
            .AppendLine()
            .AppendLine("| Measure | Floor (bare channel TryWrite) | PagerDuty sink | Ratio |")
            .AppendLine("|---|---:|---:|---:|")
            .AppendLine(Row("Wall time, logging (s)", floor.WallSeconds, ours.WallSeconds, "F3"))
            .AppendLine(Row("Per-call p50 (ns)", floor.P50Ns, ours.P50Ns, "F0"))
            .AppendLine(Row("Per-call p99 (ns)", floor.P99Ns, ours.P99Ns, "F0"))
            .AppendLine(Row("Per-call p99.9 (ns)", floor.P999Ns, ours.P999Ns, "F0"))
            .AppendLine(Row("Per-call max (ns)", floor.MaxNs, ours.MaxNs, "F0"))
            .AppendLine(Row("Peak working set (MB)", floor.PeakWorkingSetBytes / 1048576.0, ours.PeakWorkingSetBytes / 1048576.0, "F1"))
            .AppendLine(CultureInfo.InvariantCulture, $"| Shutdown flush (s) | {floor.FlushSeconds:F3} | {ours.FlushSeconds:F3} | |")
            .AppendLine(CultureInfo.InvariantCulture, $"| HTTP requests sent | – | {requests.Count} ({accepted.Count} accepted, {throttled} answered 429) | |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Peak requests in any 60 s | – | {peak} (limit {rateLimit}) | |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Signatures visible in what was sent | – | {visible} of {distinct} | |")
            .ToString();
        Console.WriteLine();
        Console.WriteLine(table);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        await File.WriteAllTextAsync(Path.Combine("BenchmarkDotNet.Artifacts", "storm.md"), table);
        var ok = peak <= rateLimit && visible == distinct;
        Console.WriteLine(ok ? "Storm targets on requests and signatures: met." : "Storm targets on requests and signatures: NOT met.");
        return ok ? 0 : 1;
    }

    private static string Row(string name, double floor, double ours, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {floor.ToString(format, CultureInfo.InvariantCulture)} | {ours.ToString(format, CultureInfo.InvariantCulture)} | {(floor > 0 ? ours / floor : 0):F2}× |");

    private static StormResult RunChild(string mode, int events, int threads, string endpoint, int rateLimit)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "storm-child", mode, events.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture), endpoint, RoutingKey, rateLimit.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The {mode} run printed no result (exit {process.ExitCode}):\n{output}");
        var result = JsonSerializer.Deserialize<StormResult>(line["RESULT ".Length..])!;
        Console.WriteLine($"  {mode,-10} wall {result.WallSeconds:F3} s, p50 {result.P50Ns:F0} ns, p99 {result.P99Ns:F0} ns, peak WS {result.PeakWorkingSetBytes / 1048576.0:F1} MB");
        return result;
    }
}
