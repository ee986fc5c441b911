using System.CommandLine;
using PagerDutySinks.Events;

namespace PagerDutySinks.Cli.Commands;

/// <summary><c>pagerduty ack</c> and <c>pagerduty resolve</c>: act on the alert with a dedup key.</summary>
internal static class AlertActionCommand
{
    public static Command Create(CliContext context, string name, EventAction action, string description)
    {
        var connection = new ConnectionOptions();
        var dedupKey = new Option<string>("--dedup-key", "-k") { Description = "The dedup key of the alert (as printed by 'pagerduty send').", Required = true };
        var command = new Command(name, description) { dedupKey };
        connection.AddTo(command);
        CommandAction.Set(command, context, async (parseResult, cancellationToken) =>
        {
            var target = connection.ReadConnection(parseResult, context);
            var options = connection.ReadClientOptions(parseResult, target);
            var key = parseResult.GetValue(dedupKey);
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new CliInputException("--dedup-key: must not be empty.");
            }

            var alert = action == EventAction.Acknowledge ? target.ToAcknowledgeEvent(key) : target.ToResolveEvent(key);
            return await EventSender.SendAsync(context, options, alert, cancellationToken);
        });
        return command;
    }
}
