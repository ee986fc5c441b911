using System;
using System.CommandLine;
using PagerDutySinks.Events;

namespace PagerDutySinks.Cli.Commands;

/// <summary><c>pagerduty send</c>: triggers an alert (or sends any alert action) and prints the dedup key.</summary>
internal static class SendCommand
{
    public static Command Create(CliContext context)
    {
        var connection = new ConnectionOptions();
        var message = new Option<string>("--message", "-m") { Description = "The alert summary (at most 1024 characters).", Required = true };
        var severity = new Option<string>("--severity", "-s") { Description = "critical, error, warning or info (default: the URL's, else error)." };
        var source = new Option<string>("--source") { Description = "The affected system, e.g. a host name (default: the URL's, else 'default')." };
        var action = new Option<string>("--action") { Description = "trigger, acknowledge or resolve (default: the URL's, else trigger)." };
        var dedupKey = new Option<string>("--dedup-key", "-k") { Description = "Identifies the alert; later events with the same key update it." };
        var details = new Option<string>("--details") { Description = "Custom details, a JSON object; its keys override the URL's." };
        var links = new Option<string[]>("--link") { Description = "A link, URL or URL=TEXT (repeatable).", HelpName = "URL[=TEXT]" };
        var images = new Option<string[]>("--image") { Description = "An https image URL (repeatable).", HelpName = "URL" };
        var client = new Option<string>("--client") { Description = "The monitoring client name shown in PagerDuty." };
        var clientUrl = new Option<string>("--client-url") { Description = "The monitoring client URL shown in PagerDuty." };

        var command = new Command("send", "Trigger an alert and print the dedup key PagerDuty returned.")
        {
            message, severity, source, action, dedupKey, details, links, images, client, clientUrl,
        };
        connection.AddTo(command);
        CommandAction.Set(command, context, async (parseResult, cancellationToken) =>
        {
            var target = connection.ReadConnection(parseResult, context);
            var options = connection.ReadClientOptions(parseResult, target);
            var alert = target.ToAlertEvent(parseResult.GetValue(message)!,
                EventOptions.ReadSeverity(parseResult.GetValue(severity)),
                EventOptions.ReadAction(parseResult.GetValue(action)),
                parseResult.GetValue(dedupKey));
            if (alert.Payload is { } payload)
            {
                payload.Source = parseResult.GetValue(source) ?? payload.Source;
                payload.CustomDetails = EventOptions.MergeDetails(payload.CustomDetails, parseResult.GetValue(details));
                alert.Client = parseResult.GetValue(client) ?? alert.Client;
                alert.ClientUrl = parseResult.GetValue(clientUrl) ?? alert.ClientUrl;
                alert.Links ??= new System.Collections.Generic.List<Link>();
                alert.Images ??= new System.Collections.Generic.List<Image>();
                EventOptions.AddLinks(alert.Links, parseResult.GetValue(links));
                EventOptions.AddImages(alert.Images, parseResult.GetValue(images));
                if (alert.ClientUrl is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
                {
                    throw new CliInputException("--client-url: '" + url + "' is not an absolute URL.");
                }
            }

            return await EventSender.SendAsync(context, options, alert, cancellationToken);
        });
        return command;
    }
}
