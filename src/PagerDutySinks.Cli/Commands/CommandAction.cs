using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

namespace PagerDutySinks.Cli.Commands;

/// <summary>Runs a command body, turning bad input (ours or the client's) into a message and exit code 2.</summary>
internal static class CommandAction
{
    public static void Set(Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await body(parseResult, cancellationToken);
            }
            catch (CliInputException e)
            {
                context.Error(e.Message);
                return ExitCodes.BadInput;
            }
            catch (ArgumentException e)
            {
                // The client validates events before sending; what it refuses is the caller's input.
                context.Error(e.Message);
                return ExitCodes.BadInput;
            }
        });
}
