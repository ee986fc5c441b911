// Serilog → PagerDuty, configured from appsettings.json.
// With PAGERDUTY_ROUTING_KEY set, alerts go to your PagerDuty service; without it, to an emulator started in-process.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using PagerDutySinks.Emulator;
using Serilog;
using Serilog.Core;
using Serilog.Settings.Configuration;

const string PagerDutySinkArgs = "Serilog:WriteTo:1:Args:";

var routingKey = Environment.GetEnvironmentVariable("PAGERDUTY_ROUTING_KEY");
PagerDutyEmulator? emulator = null;
var runTimeSettings = new Dictionary<string, string?>();
if (string.IsNullOrWhiteSpace(routingKey))
{
    emulator = await PagerDutyEmulator.StartAsync();
    runTimeSettings[PagerDutySinkArgs + "routingKey"] = "0123456789abcdef0123456789abcdef";
    runTimeSettings[PagerDutySinkArgs + "endpoint"] = emulator.BaseAddress.ToString();
    Console.WriteLine($"PAGERDUTY_ROUTING_KEY is not set: sending to an emulator at {emulator.BaseAddress}");
}
else
{
    runTimeSettings[PagerDutySinkArgs + "routingKey"] = routingKey.Trim();
    Console.WriteLine("Sending to PagerDuty with the key from PAGERDUTY_ROUTING_KEY.");
}

var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: false)
    .AddInMemoryCollection(runTimeSettings)
    .Build();

LoggingLevelSwitch? consoleLevel = null;
var readerOptions = new ConfigurationReaderOptions
{
    OnLevelSwitchCreated = (name, levelSwitch) =>
    {
        if (name == "$console")
        {
            consoleLevel = levelSwitch;
        }
    },
};
Log.Logger = new LoggerConfiguration().ReadFrom.Configuration(configuration, readerOptions).CreateLogger();

// How many events at Error or above this run logs, to compare with what reaches PagerDuty.
const int StormSize = 5_000;
var errorEvents = StormSize;

try
{
    var checkout = Log.ForContext("SourceContext", "Sample.Checkout");
    var billing = Log.ForContext("SourceContext", "Sample.Billing");

    checkout.Information("Checkout service started on {Port}", 8080);
    checkout.Warning("Payment provider answered in {Elapsed} ms", 2750);

    // A storm: the same failure thousands of times becomes one alert, updated at most every updateInterval.
    Console.WriteLine($"... logging the same exception {StormSize:N0} times (console output muted meanwhile) ...");
    consoleLevel?.MinimumLevel = Serilog.Events.LogEventLevel.Fatal;
    for (var order = 0; order < StormSize; order++)
    {
        checkout.Error(ChargeCard(order), "Charging order {OrderId} failed", order);
    }

    consoleLevel?.MinimumLevel = Serilog.Events.LogEventLevel.Information;

    // A few distinct failures: one alert each.
    billing.Error(new TimeoutException("The invoice store did not answer within 30 s"), "Invoice {InvoiceId} could not be saved", "INV-1042");
    billing.Fatal(new NotSupportedException("The renderer has no font for script Ogham"), "PDF renderer crashed");
    checkout.Error("Inventory for {Sku} is negative: {Count}", "SKU-7", -3);

    // An explicit dedup key, and a later resolve of the same alert.
    var disk = Log.ForContext("SourceContext", "Sample.Storage").ForContext("PagerDutyDedupKey", "disk-full:/var");
    disk.Error("Disk {Volume} is full", "/var");
    disk.ForContext("PagerDutyAction", "resolve").Error("Disk {Volume} has space again", "/var");

    // The sink's own HTTP stack never pages, even at Error.
    Log.ForContext("SourceContext", "System.Net.Http.HttpClient.PagerDuty.LogicalHandler").Error("This never pages");

    // The three distinct failures, the disk alert and its resolve, and the HTTP stack's event.
    errorEvents += 6;
}
finally
{
    // Delivers what is pending (bounded by shutdownTimeout) before the process exits.
    await Log.CloseAndFlushAsync();
}

if (emulator != null)
{
    await using (emulator)
    {
        Console.WriteLine();
        Console.WriteLine($"The emulator received {emulator.Events.Count} request(s) for {errorEvents:N0} events at Error or above:");
        foreach (var received in emulator.Events)
        {
            Console.WriteLine($"  {received.StatusCode} {received.EventAction,-8} {received.DedupKey}");
        }

        Console.WriteLine($"and holds {emulator.Alerts.Count} alert(s):");
        foreach (var alert in emulator.Alerts)
        {
            Console.WriteLine($"  [{alert.Status,-9}] {alert.Severity,-8} {Shorten(alert.Summary, 90)}  (events: {alert.LogEntries.Count})");
        }
    }
}

return 0;

static Exception ChargeCard(int order)
{
    try
    {
        throw new InvalidOperationException($"Card declined for order {order}");
    }
    catch (InvalidOperationException failure)
    {
        return failure;
    }
}

static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
