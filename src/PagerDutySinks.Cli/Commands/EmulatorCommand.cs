using System;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Cli.Commands;

/// <summary><c>pagerduty emulator</c>: runs the local Events API emulator until stopped.</summary>
internal static class EmulatorCommand
{
    /// <summary>Any 32-character key works with the emulator; this one is only an example.</summary>
    public const string ExampleKey = "0123456789abcdef0123456789abcdef";

    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var rateLimit = new Option<int>("--rate-limit")
        {
            Description = "Requests per routing key per minute before answering 429 (0 turns the limit off).",
            DefaultValueFactory = _ => PagerDutyClientOptions.DefaultRateLimitPerMinute,
        };
        var command = new Command("emulator", "Run a local PagerDuty Events API emulator (Ctrl+C to stop).") { port, rateLimit };
        CommandAction.Set(command, context, async (parseResult, cancellationToken) =>
        {
            var portValue = parseResult.GetValue(port);
            var limit = parseResult.GetValue(rateLimit);
            if (portValue is < 0 or > 65535)
            {
                throw new CliInputException("--port: must be from 0 to 65535.");
            }

            if (limit < 0)
            {
                throw new CliInputException("--rate-limit: must be 0 or more.");
            }

            var options = new EmulatorOptions
            {
                Url = "http://127.0.0.1:" + portValue.ToString(CultureInfo.InvariantCulture),
                RateLimitPerMinute = limit,
            };
            await using var emulator = await PagerDutyEmulator.StartAsync(options, cancellationToken);
            var address = emulator.BaseAddress;
            context.Stdout.WriteLine("PagerDuty emulator listening on " + address);
            context.Stdout.WriteLine("Connection URL: pagerduty://" + address.Authority + "/" + ExampleKey);
            context.Stdout.WriteLine("Try: pagerduty send -u pagerduty://" + address.Authority + "/" + ExampleKey + " -m \"Hello\"");
            context.Stdout.WriteLine("Press Ctrl+C to stop.");
            await context.Stdout.FlushAsync(cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or the caller's token: a normal stop.
            }

            return ExitCodes.Accepted;
        });
        return command;
    }
}
