using System;
using System.Threading.Tasks;

namespace PagerDutySinks.Cli.Tests.Cli;

public sealed class CliHelpTests
{
    [Theory]
    [InlineData("", "send")]
    [InlineData("send", "--dedup-key")]
    [InlineData("ack", "--dedup-key")]
    [InlineData("resolve", "--dedup-key")]
    [InlineData("change", "--message")]
    [InlineData("emulator", "--rate-limit")]
    public async Task Help_works_for_every_command(string command, string mentions)
    {
        var args = command.Length == 0 ? new[] { "--help" } : new[] { command, "--help" };

        var run = await CliRun.RunAsync(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(mentions, run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }
}
