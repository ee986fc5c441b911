using System;
using System.CommandLine;
using System.Threading;
using Quickstart;

var events = new Option<int>("--events") { Description = "How many times the hot-path bug is logged during the failure.", DefaultValueFactory = _ => 20_000 };
var duration = new Option<int>("--duration") { Description = "Seconds the simulated incident lasts, recovery included.", DefaultValueFactory = _ => 12 };
var rateLimit = new Option<int>("--rate-limit") { Description = "Requests per minute allowed per routing key (PagerDuty documents 120).", DefaultValueFactory = _ => 120 };
var keepEmulator = new Option<bool>("--keep-emulator") { Description = "Leave the local emulator and its web page running after the report (Ctrl+C to stop)." };

var root = new RootCommand(
    "Drives a realistic incident through the Serilog sink and the Microsoft.Extensions.Logging provider, then reports what " +
    "reached PagerDuty. Without PAGERDUTY_ROUTING_KEY it runs against a local PagerDuty emulator; with it (and optionally " +
    "PAGERDUTY_ENDPOINT: us, eu or a URL) it pages for real.");
root.Options.Add(events);
root.Options.Add(duration);
root.Options.Add(rateLimit);
root.Options.Add(keepEmulator);
root.SetAction(async (parse, cancellationToken) =>
{
    var settings = new QuickstartSettings(
        Math.Max(1, parse.GetValue(events)),
        TimeSpan.FromSeconds(Math.Max(3, parse.GetValue(duration))),
        parse.GetValue(rateLimit),
        parse.GetValue(keepEmulator));
    return await QuickstartRun.RunAsync(settings, cancellationToken);
});
return await root.Parse(args).InvokeAsync();
