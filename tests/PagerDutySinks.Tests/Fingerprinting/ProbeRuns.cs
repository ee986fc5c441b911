using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PagerDutySinks.Tests.Fingerprinting;

// Runs the fingerprint probe once per build and JIT mode, in parallel, and keeps every mode's keys:
// mode -> bug name -> keys seen in that process (more than one when a key changed while the code tiered up).
public sealed class ProbeRuns : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    // Modes in which the JIT inlines nothing: Tier-0 code of a single call, MinOpts, Debug builds.
    public static readonly string[] NonInliningModes = { "release", "release-pgo-off", "release-minopts", "debug", "debug-full-opts" };

    // Modes in which small methods are inlined: full optimization from the start, or Tier-1 with PGO after warm-up.
    public static readonly string[] InliningModes = { "release-full-opts", "release-warmed-up", "release-full-opts-warmed-up" };

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Keys { get; private set; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>();

    public async Task InitializeAsync()
    {
        var probes = ReadProbePaths();
        var release = probes["Optimized"];
        var debug = probes["Debug"];
        var runs = new (string Mode, string Probe, string Args, (string, string)[] Env)[]
        {
            ("release", release, "", Array.Empty<(string, string)>()),
            ("release-pgo-off", release, "", new[] { ("DOTNET_TieredPGO", "0") }),
            ("release-minopts", release, "", new[] { ("DOTNET_JITMinOpts", "1") }),
            ("release-full-opts", release, "", new[] { ("DOTNET_TieredCompilation", "0") }),
            ("release-warmed-up", release, "--warm", new[] { ("DOTNET_TC_CallCountingDelayMs", "0") }),
            ("release-full-opts-warmed-up", release, "--warm", new[] { ("DOTNET_TieredCompilation", "0") }),
            ("debug", debug, "", Array.Empty<(string, string)>()),
            ("debug-full-opts", debug, "", new[] { ("DOTNET_TieredCompilation", "0") }),
        };

        var results = await Task.WhenAll(runs.Select(async run => (run.Mode, Keys: await RunAsync(run.Probe, run.Args, run.Env))));
        Keys = results.ToDictionary(r => r.Mode, r => r.Keys);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> ReadProbePaths()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "fingerprint-probes.txt");
        Assert.True(File.Exists(file), $"{file} is written by the test project's build; rebuild the test project.");
        var paths = File.ReadAllLines(file)
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
        foreach (var path in paths.Values)
        {
            Assert.True(File.Exists(path), $"Fingerprint probe not built: {path}");
        }

        return paths;
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> RunAsync(
        string probe, string args, (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(probe);
        if (args.Length > 0)
        {
            start.ArgumentList.Add(args);
        }

        // Inherited JIT settings would make every mode the same mode.
        foreach (var name in start.Environment.Keys.Where(IsJitSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The fingerprint probe did not finish within {Timeout}: {probe} {args}");
        }

        Assert.True(process.ExitCode == 0, $"Probe failed ({process.ExitCode}): {await error}");
        return (await output)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => (IReadOnlyList<string>)parts[1].Split(';'));
    }

    private static bool IsJitSetting(string name) =>
        name.StartsWith("DOTNET_Tiered", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_TC_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_JIT", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_ReadyToRun", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("COMPlus_", StringComparison.OrdinalIgnoreCase);

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
