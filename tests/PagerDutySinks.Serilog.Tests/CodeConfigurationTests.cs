using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;
using PagerDutySinks.Serilog.Tests.Support;
using Serilog;
using Shop;

namespace PagerDutySinks.Serilog.Tests;

[Collection(EmulatorTests.Name)]
public sealed class CodeConfigurationTests(EmulatorFixture fixture)
{
    private sealed record Customer(string Name, int Tier);

    [Fact]
    public async Task An_error_with_an_exception_becomes_one_alert_with_the_event_in_its_fields()
    {
        var key = TestRoutingKeys.NewKey();
        var logger = new LoggerConfiguration()
            .WriteTo.PagerDuty(key, endpoint: fixture.Endpoint, source: "checkout-host")
            .CreateLogger();

        logger.ForContext<CheckoutService>().Error(
            Failures.OutOfStock(),
            "Order {OrderId} failed for {@Customer} with {Tags} and {Scores}",
            42, new Customer("Ann", 2), new[] { "urgent", "eu" }, new Dictionary<string, int> { ["retries"] = 3 });
        await logger.DisposeAsync();

        var alert = Assert.Single(fixture.AlertsFor(key));
        Assert.Equal(AlertStatus.Triggered, alert.Status);
        Assert.Contains("Order 42 failed for Customer { Name: \"Ann\", Tier: 2 }", alert.Summary, StringComparison.Ordinal);
        Assert.Equal("error", alert.Severity);

        var trigger = Assert.Single(fixture.EventsFor(key));
        Assert.Equal("trigger", trigger.EventAction);
        var payload = Json.Payload(trigger);
        Assert.Equal("checkout-host", (string?)payload["source"]);
        Assert.Equal(typeof(CheckoutService).FullName, (string?)payload["component"]);
        Assert.Equal(typeof(InvalidOperationException).FullName, (string?)payload["class"]);

        var details = Json.CustomDetails(trigger);
        Assert.Equal(42, (int)details["OrderId"]!);
        var customer = details["Customer"]!.AsObject();
        Assert.Equal("Customer", (string?)customer["$type"]);
        Assert.Equal("Ann", (string?)customer["Name"]);
        Assert.Equal(2, (int)customer["Tier"]!);
        Assert.Equal(new[] { "urgent", "eu" }, details["Tags"]!.AsArray().Select(tag => (string?)tag));
        Assert.Equal(3, (int)details["Scores"]!["retries"]!);
        Assert.Equal(typeof(CheckoutService).FullName, (string?)details["SourceContext"]);
        Assert.Equal("Order {OrderId} failed for {@Customer} with {Tags} and {Scores}", (string?)details["message_template"]);
        var exception = details["exception"]!;
        Assert.Equal(typeof(InvalidOperationException).FullName, (string?)exception["type"]);
        Assert.Equal("no stock for item 7", (string?)exception["message"]);
        Assert.Contains(nameof(Failures.OutOfStock), (string?)exception["stack_trace"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)details["fingerprint"]));
    }

    [Fact]
    public async Task Fatal_events_are_critical_and_the_severity_map_can_change_that()
    {
        var key = TestRoutingKeys.NewKey();
        var options = new PagerDutySinkOptions { RoutingKey = key, Endpoint = fixture.Endpoint };
        options.SeverityMap[global::Serilog.Events.LogEventLevel.Error] = Events.Severity.Warning;
        var logger = new LoggerConfiguration().WriteTo.PagerDuty(options).CreateLogger();

        logger.Fatal("Database {Name} is gone", "orders");
        logger.Error("Cache {Name} is slow", "sessions");
        await logger.DisposeAsync();

        var alerts = fixture.AlertsFor(key);
        Assert.Equal("critical", Assert.Single(alerts, alert => alert.Summary.Contains("Database", StringComparison.Ordinal)).Severity);
        Assert.Equal("warning", Assert.Single(alerts, alert => alert.Summary.Contains("Cache", StringComparison.Ordinal)).Severity);
    }

    [Fact]
    public async Task Links_with_placeholders_are_filled_from_the_event_and_client_settings_are_sent()
    {
        var key = TestRoutingKeys.NewKey();
        var options = new PagerDutySinkOptions
        {
            RoutingKey = key,
            Endpoint = fixture.Endpoint,
            ClientName = "Checkout logs",
            ClientUrl = "https://logs.example.com/",
            Group = "shop",
        };
        options.Links.Add(new Events.Link { Href = "https://logs.example.com/search?context={SourceContext}", Text = "Logs" });
        var logger = new LoggerConfiguration().WriteTo.PagerDuty(options).CreateLogger();

        logger.ForContext<CheckoutService>().Error("Payment declined");
        await logger.DisposeAsync();

        var body = Assert.Single(fixture.EventsFor(key)).Body!;
        Assert.Equal("Checkout logs", (string?)body["client"]);
        Assert.Equal("https://logs.example.com/", (string?)body["client_url"]);
        Assert.Equal("shop", (string?)body["payload"]!["group"]);
        var link = Assert.Single(body["links"]!.AsArray())!;
        Assert.Equal("https://logs.example.com/search?context=" + Uri.EscapeDataString(typeof(CheckoutService).FullName!), (string?)link["href"]);
        Assert.Equal("Logs", (string?)link["text"]);
    }

    [Fact]
    public async Task Redacted_and_excluded_properties_are_filtered_from_the_details()
    {
        var key = TestRoutingKeys.NewKey();
        var options = new PagerDutySinkOptions { RoutingKey = key, Endpoint = fixture.Endpoint };
        options.ExcludedProperties.Add("Internal");
        options.RedactedProperties.Add("CardNumber");
        var logger = new LoggerConfiguration().WriteTo.PagerDuty(options).CreateLogger();

        logger.Error("Charge for {CardNumber} failed ({Internal}, {Password})", "4111111111111111", "debug-state", "hunter2");
        await logger.DisposeAsync();

        var trigger = Assert.Single(fixture.EventsFor(key));
        var json = trigger.Body!.ToJsonString();
        Assert.DoesNotContain("4111111111111111", json, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
        Assert.Contains("[redacted]", (string?)Json.Payload(trigger)["summary"], StringComparison.Ordinal);
        var details = Json.CustomDetails(trigger);
        Assert.False(details.ContainsKey("Internal"));
        Assert.Equal("[redacted]", (string?)details["CardNumber"]);
        Assert.Equal("[redacted]", (string?)details["Password"]);
    }

    [Fact]
    public async Task Events_of_the_sinks_own_http_stack_never_page()
    {
        var key = TestRoutingKeys.NewKey();
        var sink = new PagerDutySink(new PagerDutySinkOptions { RoutingKey = key, Endpoint = fixture.Endpoint });
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        logger.ForContext("SourceContext", "System.Net.Http.HttpClient.PagerDuty.LogicalHandler").Error("Request failed with 500");
        logger.ForContext("SourceContext", "Polly").Error("Execution attempt failed");
        logger.ForContext("SourceContext", "PagerDutySinks.PagerDutyClient").Error("Send failed");
        logger.ForContext("SourceContext", "Shop.Checkout").Error("Payment declined");

        // Filtered before the buffer: only the application's event was taken in.
        Assert.Equal(1, sink.Statistics.Enqueued);
        await logger.DisposeAsync();

        var alert = Assert.Single(fixture.AlertsFor(key));
        Assert.Contains("Payment declined", alert.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emit_never_throws_and_an_event_whose_values_misbehave_still_pages()
    {
        var key = TestRoutingKeys.NewKey();
        var sink = new PagerDutySink(new PagerDutySinkOptions { RoutingKey = key, Endpoint = fixture.Endpoint });
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        var exception = Record.Exception(() =>
        {
            sink.Emit(null!);
            logger.Error("Value {Bad} broke", new ThrowingToString());
        });
        await logger.DisposeAsync();

        Assert.Null(exception);
        var alert = Assert.Single(fixture.AlertsFor(key));
        Assert.Contains("broke", alert.Summary, StringComparison.Ordinal);
    }

    private sealed class ThrowingToString
    {
        public override string ToString() => throw new InvalidOperationException("ToString failed");
    }
}
