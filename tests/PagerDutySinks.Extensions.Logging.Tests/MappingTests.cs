using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Extensions.Logging.Tests;

public sealed class MappingTests
{
    [Fact]
    public async Task Event_id_category_state_and_exception_are_mapped()
    {
        await using var app = await TestApp.StartAsync();
        var logger = app.Logger("MyApp.Payments");

        logger.LogError(new EventId(1001, "PaymentDeclined"), new InvalidOperationException("card expired"),
            "Payment for order {OrderId} declined by {Gateway}", 42, "stripe");

        var sent = Assert.Single(await app.StopAndCollectAsync());
        Assert.Equal("MyApp.Payments", (string?)sent.Payload()["component"]);
        Assert.Contains("Payment for order 42 declined by stripe", sent.Summary(), StringComparison.Ordinal);
        var details = sent.Details();
        Assert.Equal(1001, (int)details.Find("EventId")!);
        Assert.Equal("PaymentDeclined", (string?)details.Find("EventName"));
        Assert.Equal(42, (int)details.Find("OrderId")!);
        Assert.Equal("stripe", (string?)details.Find("Gateway"));
        Assert.Null(details.Find("{OriginalFormat}"));
        Assert.Contains("card expired", details.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_template_groups_occurrences_under_one_dedup_key()
    {
        await using var app = await TestApp.StartAsync();
        var logger = app.Logger("MyApp.Orders");

        logger.LogError("Order {OrderId} failed", 1);
        logger.LogError("Order {OrderId} failed", 2);
        logger.LogError("Shipment {ShipmentId} lost", 3);

        await app.StopAndCollectAsync();
        Assert.Equal(2, app.Emulator.Alerts.Count);
    }

    [Fact]
    public async Task Scopes_go_into_custom_details()
    {
        await using var app = await TestApp.StartAsync();
        var logger = app.Logger("MyApp.Orders");

        using (logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = "acme", ["OrderId"] = 1 }))
        using (logger.BeginScope("Processing batch {BatchId}", 7))
        using (logger.BeginScope("plain text scope"))
        {
            logger.LogError("Order {OrderId} failed", 42);
        }

        var details = Assert.Single(await app.StopAndCollectAsync()).Details();
        Assert.Equal("acme", (string?)details.Find("TenantId"));
        Assert.Equal(7, (int)details.Find("BatchId")!);
        Assert.Equal(42, (int)details.Find("OrderId")!); // the event's own value wins over the scope's
        var scope = details.Find("Scope")!.AsArray().Select(node => (string?)node).ToList();
        Assert.Equal(new[] { "Processing batch 7", "plain text scope" }, scope);
    }

    [Fact]
    public async Task A_scope_carrying_dedup_key_and_action_triggers_and_resolves_the_alert()
    {
        await using var app = await TestApp.StartAsync(new() { ["Logging:PagerDuty:LogLevel:MyApp.Recovery"] = "Information" });

        using (app.Logger("MyApp.Orders").BeginScope(new Dictionary<string, object?> { ["PagerDutyDedupKey"] = "order-42" }))
        {
            app.Logger("MyApp.Orders").LogError("Order {OrderId} stuck", 42);
        }

        var recovery = app.Logger("MyApp.Recovery");
        using (recovery.BeginScope(new Dictionary<string, object?> { ["PagerDutyDedupKey"] = "order-42", ["PagerDutyAction"] = "resolve" }))
        {
            recovery.LogInformation("Order {OrderId} recovered", 42);
        }

        var events = await app.StopAndCollectAsync();
        Assert.All(events, e => Assert.Equal("order-42", e.DedupKey));
        Assert.Equal(new[] { "trigger", "resolve" }, events.Select(e => e.EventAction).ToArray());
        var alert = Assert.Single(app.Emulator.Alerts);
        Assert.Equal(AlertStatus.Resolved, alert.Status);
    }

    [Fact]
    public async Task Code_configuration_applies_after_the_configuration_section()
    {
        await using var app = await TestApp.StartAsync(
            new() { ["Logging:PagerDuty:Source"] = "from-config" },
            configure: (builder, _) => builder.Logging.AddPagerDuty(options =>
            {
                options.Source = "web-01";
                options.Group = "checkout";
                options.Links.Add(new Events.Link { Href = "https://runbooks.example/{Category}", Text = "Runbook" });
            }));

        app.Logger("MyApp.Orders").LogError("Order {OrderId} failed", 1);

        var payload = Assert.Single(await app.StopAndCollectAsync()).Payload();
        Assert.Equal("web-01", (string?)payload["source"]);
        Assert.Equal("checkout", (string?)payload["group"]);
    }

    [Fact]
    public async Task Severity_map_from_configuration_changes_the_severity()
    {
        await using var app = await TestApp.StartAsync(new() { ["Logging:PagerDuty:SeverityMap:Error"] = "critical" });

        app.Logger("MyApp.Orders").LogError("Order {OrderId} failed", 1);

        Assert.Equal("critical", (string?)Assert.Single(await app.StopAndCollectAsync()).Payload()["severity"]);
    }

    [Fact]
    public async Task Lists_bound_from_configuration_add_to_the_defaults()
    {
        await using var app = await TestApp.StartAsync(new()
        {
            ["Logging:PagerDuty:RedactedProperties:0"] = "CardNumber",
            ["Logging:PagerDuty:InAppExclude:0"] = "Vendor.",
            ["Logging:PagerDuty:StormWindow"] = "00:00:30",
            ["Logging:PagerDuty:MaxTrackedKeys"] = "500",
        });

        var options = app.Host.Services.GetRequiredService<IOptionsMonitor<PagerDutyLoggerOptions>>().CurrentValue;
        Assert.Contains("CardNumber", options.RedactedProperties);
        Assert.Contains("password", options.RedactedProperties);
        Assert.Contains("Vendor.", options.InAppExclude);
        Assert.Contains("System.", options.InAppExclude);
        Assert.Equal(TimeSpan.FromSeconds(30), options.StormWindow);
        Assert.Equal(500, options.MaxTrackedKeys);

        app.Logger("MyApp.Payments").LogError("Card {CardNumber} declined, {Password} leaked", "4111111111111111", "hunter2");

        var details = Assert.Single(await app.StopAndCollectAsync()).Details();
        Assert.Equal("[redacted]", (string?)details["CardNumber"]);
        Assert.Equal("[redacted]", (string?)details["Password"]);
    }
}
