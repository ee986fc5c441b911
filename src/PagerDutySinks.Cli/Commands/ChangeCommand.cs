using System.Collections.Generic;
using System.CommandLine;
using PagerDutySinks.Events;

namespace PagerDutySinks.Cli.Commands;

/// <summary><c>pagerduty change</c>: records a change event (a deploy, a configuration change).</summary>
internal static class ChangeCommand
{
    public static Command Create(CliContext context)
    {
        var connection = new ConnectionOptions();
        var message = new Option<string>("--message", "-m") { Description = "What changed.", Required = true };
        var source = new Option<string>("--source") { Description = "Where the change happened (default: the URL's, else 'default')." };
        var details = new Option<string>("--details") { Description = "Custom details, a JSON object; its keys override the URL's." };
        var links = new Option<string[]>("--link") { Description = "A link, URL or URL=TEXT (repeatable).", HelpName = "URL[=TEXT]" };
        var command = new Command("change", "Send a change event (e.g. a deploy), shown beside incidents.") { message, source, details, links };
        connection.AddTo(command);
        CommandAction.Set(command, context, async (parseResult, cancellationToken) =>
        {
            var target = connection.ReadConnection(parseResult, context);
            var options = connection.ReadClientOptions(parseResult, target);
            var change = target.ToChangeEvent(parseResult.GetValue(message)!);
            change.Payload.Source = parseResult.GetValue(source) ?? change.Payload.Source;
            change.Payload.CustomDetails = EventOptions.MergeDetails(change.Payload.CustomDetails, parseResult.GetValue(details));
            change.Links ??= new List<Link>();
            EventOptions.AddLinks(change.Links, parseResult.GetValue(links));
            return await EventSender.SendChangeAsync(context, options, change, cancellationToken);
        });
        return command;
    }
}
