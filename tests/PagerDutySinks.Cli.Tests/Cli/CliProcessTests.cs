using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Cli.Tests.Cli;

public sealed class CliProcessTests : IClassFixture<EmulatorFixture>
{
    private readonly PagerDutyEmulator _emulator;

    public CliProcessTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Reset();
    }

    [Fact]
    public async Task Built_executable_sends_and_prints_the_dedup_key()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { PagerDutyDll(), "send", "-m", "From a real process", "--dedup-key", "process-test" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PAGERDUTY_URL"] = CliRun.UrlFor(_emulator.BaseAddress);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(process.ExitCode == 0, "exit " + process.ExitCode + ": " + await stderr);
        Assert.Equal("process-test", (await stdout).Trim());
        Assert.DoesNotContain(CliRun.Key, await stderr, StringComparison.Ordinal);
        Assert.Equal("From a real process", Assert.Single(_emulator.Alerts).Summary);
    }

    /// <summary>The tool as built in its own project (bin/{Configuration}/net10.0), else the copy beside the tests.</summary>
    private static string PagerDutyDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var repositoryRoot = testOutput.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var own = Path.Combine(repositoryRoot, "src", "PagerDutySinks.Cli", "bin", configuration, framework, "pagerduty.dll");
        return File.Exists(own) ? own : Path.Combine(testOutput.FullName, "pagerduty.dll");
    }
}
