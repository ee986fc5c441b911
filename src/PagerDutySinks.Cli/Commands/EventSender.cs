using System;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Events;

namespace PagerDutySinks.Cli.Commands;

/// <summary>Sends one event and turns the result into output and an exit code.</summary>
internal static class EventSender
{
    public static async Task<int> SendAsync(CliContext context, PagerDutyClientOptions options, AlertEvent alert, CancellationToken cancellationToken)
    {
        using var client = CreateClient(options);
        var result = await client.SendAsync(alert, cancellationToken);
        if (result.IsAccepted && !string.IsNullOrEmpty(result.DedupKey))
        {
            context.Stdout.WriteLine(result.DedupKey);
        }

        return Report(context, result);
    }

    public static async Task<int> SendChangeAsync(CliContext context, PagerDutyClientOptions options, ChangeEvent change, CancellationToken cancellationToken)
    {
        using var client = CreateClient(options);
        var result = await client.SendChangeAsync(change, cancellationToken);
        if (result.IsAccepted)
        {
            context.Stdout.WriteLine("Change event accepted.");
        }

        return Report(context, result);
    }

    private static PagerDutyClient CreateClient(PagerDutyClientOptions options)
    {
        try
        {
            return new PagerDutyClient(options);
        }
        catch (ArgumentException e)
        {
            throw new CliInputException(e.Message, e);
        }
    }

    private static int Report(CliContext context, SendResult result)
    {
        var status = result.StatusCode is { } code ? " (" + code + ")" : "";
        switch (result.Outcome)
        {
            case SendOutcome.Accepted:
                return ExitCodes.Accepted;
            case SendOutcome.Rejected:
                context.Error("PagerDuty rejected the event" + status + ": " + (result.Message ?? "no message"));
                foreach (var reason in result.Errors)
                {
                    context.Stderr.WriteLine("  - " + context.Redact(reason));
                }

                return ExitCodes.Rejected;
            case SendOutcome.Throttled:
                context.Error("PagerDuty throttled the event" + status + ": " + Explain(result) + " Try again later.");
                return ExitCodes.Unavailable;
            default:
                context.Error("could not deliver the event" + status + ": " + Explain(result));
                return ExitCodes.Unavailable;
        }
    }

    /// <summary>The client's own description when it has one (it already counts attempts), else the attempt count.</summary>
    private static string Explain(SendResult result)
    {
        var text = result.Message is { Length: > 0 } message ? message
            : result.Exception is { } e ? e.Message + " (after " + Attempts(result) + ")"
            : "gave up after " + Attempts(result);
        return text.EndsWith('.') ? text : text + ".";
    }

    private static string Attempts(SendResult result) => result.Attempts + (result.Attempts == 1 ? " attempt" : " attempts");
}
