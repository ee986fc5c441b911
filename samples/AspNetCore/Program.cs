using System.Net;
using AspNetCore;
using PagerDutySinks.Emulator;

// Alerts go to PagerDuty when PAGERDUTY_ROUTING_KEY is set, else to an emulator started in this process.
var builder = WebApplication.CreateBuilder(args);
var routingKey = Environment.GetEnvironmentVariable("PAGERDUTY_ROUTING_KEY");
PagerDutyEmulator? emulator = null;
var overrides = new Dictionary<string, string?>();
if (string.IsNullOrWhiteSpace(routingKey))
{
    emulator = await PagerDutyEmulator.StartAsync();
    overrides["Logging:PagerDuty:RoutingKey"] = "0123456789abcdef0123456789abcdef";
    overrides["Logging:PagerDuty:Endpoint"] = emulator.BaseAddress.ToString();
    overrides["Logging:PagerDuty:ClientUrl"] = emulator.BaseAddress.ToString();
}
else
{
    overrides["Logging:PagerDuty:RoutingKey"] = routingKey.Trim();
}

// Added last, so it wins over appsettings.json; settings still reload when appsettings.json changes.
builder.Configuration.AddInMemoryCollection(overrides);
builder.Logging.AddPagerDuty();

var app = builder.Build();

app.MapGet("/", () => Results.Content(HomePage.Render(emulator?.BaseAddress), "text/html"));

app.MapGet("/orders/{id:int}", (int id, ILoggerFactory loggers) =>
{
    var logger = loggers.CreateLogger(OrderAlerts.OrdersCategory);
    // The dedup key groups every failure of this order into one alert, which /recover resolves.
    using (logger.BeginScope(new Dictionary<string, object?> { ["PagerDutyDedupKey"] = OrderAlerts.DedupKey(id) }))
    {
        try
        {
            OrderService.Charge(id);
            return Results.Ok(new { id, status = "charged" });
        }
        catch (InvalidOperationException ex)
        {
            Log.OrderFailed(logger, id, ex);
            return Results.Problem($"Order {id} could not be charged; an alert was raised.", statusCode: (int)HttpStatusCode.InternalServerError);
        }
    }
});

app.MapGet("/recover", (int orderId, ILoggerFactory loggers) =>
{
    // Logged at Information in the "Orders.Recovery" category, which appsettings.json lets through to PagerDuty.
    var logger = loggers.CreateLogger(OrderAlerts.RecoveryCategory);
    using (logger.BeginScope(new Dictionary<string, object?>
    {
        ["PagerDutyDedupKey"] = OrderAlerts.DedupKey(orderId),
        ["PagerDutyAction"] = "resolve",
    }))
    {
        Log.OrderRecovered(logger, orderId);
    }

    return Results.Ok(new { orderId, status = "resolved" });
});

await app.StartAsync();
Console.WriteLine(emulator is null
    ? "Alerts go to PagerDuty (PAGERDUTY_ROUTING_KEY is set)."
    : $"PAGERDUTY_ROUTING_KEY is not set: alerts go to the local emulator at {emulator.BaseAddress}");
Console.WriteLine($"Try {string.Join(", ", app.Urls)}");
await app.WaitForShutdownAsync();

// Disposing the app delivers pending alerts before the emulator goes away.
await app.DisposeAsync();
if (emulator is not null)
{
    await emulator.DisposeAsync();
}
