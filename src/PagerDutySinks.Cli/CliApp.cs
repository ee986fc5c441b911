using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Cli.Commands;

namespace PagerDutySinks.Cli;

/// <summary>The <c>pagerduty</c> command line, runnable in-process with any output streams and environment.</summary>
internal static class CliApp
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments, e.g. <c>send -u pagerduty:///KEY -m "Disk full"</c>.</param>
    /// <param name="stdout">Where results go (the dedup key, help).</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="getEnvironmentVariable">Reads environment variables (<c>PAGERDUTY_URL</c>).</param>
    /// <param name="cancellationToken">Stops the command (the emulator runs until then).</param>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        Func<string, string?> getEnvironmentVariable, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(stdout, stderr, getEnvironmentVariable);
        var root = BuildRootCommand(context);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                context.Error(error.Message);
            }

            stderr.WriteLine("Run 'pagerduty --help' or 'pagerduty <command> --help' for usage.");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        finally
        {
            await stdout.FlushAsync(CancellationToken.None);
            await stderr.FlushAsync(CancellationToken.None);
        }
    }

    internal static RootCommand BuildRootCommand(CliContext context) =>
        new("Send, acknowledge and resolve PagerDuty alerts and change events (Events API v2), or run a local emulator.\n" +
            "The connection URL, pagerduty://[host[:port]]/integration-key[?severity=..&source=..], comes from -u/--url or the PAGERDUTY_URL environment variable.\n" +
            "Exit codes: 0 accepted, 2 bad input, 3 rejected by PagerDuty, 4 throttled or unreachable.")
        {
            SendCommand.Create(context),
            AlertActionCommand.Create(context, "ack", Events.EventAction.Acknowledge, "Acknowledge the alert with a dedup key."),
            AlertActionCommand.Create(context, "resolve", Events.EventAction.Resolve, "Resolve the alert with a dedup key."),
            ChangeCommand.Create(context),
            EmulatorCommand.Create(context),
        };
}
