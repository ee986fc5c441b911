using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PagerDutySinks.Cli.Tests.Cli;

/// <summary>The outcome of one in-process run of the command line.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>A routing key for CLI tests, distinct from the emulator command's example key.</summary>
    public const string Key = "fedcba9876543210fedcba9876543210";

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr, name => environment.TryGetValue(name, out var value) ? value : null,
            CancellationToken.None);
        var run = new CliRun(exitCode, stdout.ToString(), stderr.ToString());

        // A routing key is a secret: no output of any command may contain it whole.
        Assert.DoesNotContain(Key, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, run.Stderr, StringComparison.Ordinal);
        return run;
    }

    public static string UrlFor(Uri emulatorBase, string query = "") =>
        "pagerduty://" + emulatorBase.Authority + "/" + Key + (query.Length == 0 ? "" : "?" + query);

    public override string ToString() => "exit " + ExitCode + "\nstdout: " + Stdout + "\nstderr: " + Stderr;
}
