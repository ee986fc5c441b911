using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using PagerDutySinks.Pipeline;
using PagerDutySinks.Serilog.Tests.Support;
using Shop;
using Serilog;
using Serilog.Events;

namespace PagerDutySinks.Serilog.Tests;

public sealed class LogEventCandidateFactoryTests
{
    private static readonly LogEventCandidateFactory Factory = new(new[] { "CardNumber" });

    [Fact]
    public void A_candidate_carries_the_event_as_the_core_expects_it()
    {
        var failure = new InvalidOperationException("no stock");
        var logEvent = CapturingSink.Capture(logger =>
            logger.ForContext<CheckoutService>().Fatal(failure, "Order {OrderId} failed", 42));

        var candidate = Factory.Create(logEvent, LogEventCandidateFactory.SourceContextOf(logEvent));

        Assert.Equal(AlertLevel.Fatal, candidate.Level);
        Assert.Equal("Order {OrderId} failed", candidate.MessageTemplate);
        Assert.Same(failure, candidate.Exception);
        Assert.Equal(typeof(CheckoutService).FullName, candidate.Category);
        Assert.Equal(logEvent.Timestamp, candidate.Timestamp);
        var orderId = Assert.Single(candidate.Properties!, property => property.Key == "OrderId");
        Assert.Equal(42, Assert.IsType<ScalarValue>(orderId.Value).Value);
        Assert.Contains(candidate.Properties!, property => property.Key == "SourceContext");
    }

    [Fact]
    public void The_message_is_rendered_on_demand_in_the_invariant_culture()
    {
        var logEvent = CapturingSink.Capture(logger => logger.Error("Took {Seconds} s", 1.5));
        var candidate = Factory.Create(logEvent, null);

        Assert.Null(candidate.RenderedMessage);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a decimal comma must not leak into the alert.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("Took 1.5 s", candidate.RenderMessage!(candidate));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(LogEventLevel.Verbose, AlertLevel.Verbose)]
    [InlineData(LogEventLevel.Debug, AlertLevel.Debug)]
    [InlineData(LogEventLevel.Information, AlertLevel.Information)]
    [InlineData(LogEventLevel.Warning, AlertLevel.Warning)]
    [InlineData(LogEventLevel.Error, AlertLevel.Error)]
    [InlineData(LogEventLevel.Fatal, AlertLevel.Fatal)]
    public void Levels_map_one_to_one(LogEventLevel level, AlertLevel expected) =>
        Assert.Equal(expected, LevelMapping.ToAlertLevel(level));

    [Fact]
    public void Source_context_is_read_only_when_it_is_a_string()
    {
        var withContext = CapturingSink.Capture(logger => logger.ForContext("SourceContext", "Shop.Checkout").Error("x"));
        var withNumber = CapturingSink.Capture(logger => logger.ForContext("SourceContext", 7).Error("x"));
        var without = CapturingSink.Capture(logger => logger.Error("x"));

        Assert.Equal("Shop.Checkout", LogEventCandidateFactory.SourceContextOf(withContext));
        Assert.Null(LogEventCandidateFactory.SourceContextOf(withNumber));
        Assert.Null(LogEventCandidateFactory.SourceContextOf(without));
    }

    [Fact]
    public void Properties_are_read_only_when_the_consumer_asks()
    {
        var logEvent = CapturingSink.Capture(logger => logger.Error("{A} {B}", 1, "two"));

        var properties = new LogEventProperties(logEvent);

        Assert.Equal(2, properties.Count);
        Assert.Equal(new[] { "A", "B" }, properties.Select(property => property.Key).OrderBy(key => key, StringComparer.Ordinal));
        Assert.Same(logEvent.Properties[properties[0].Key], properties[0].Value);
    }

    [Fact]
    public void Redacted_properties_are_kept_out_of_the_rendered_message()
    {
        var logEvent = CapturingSink.Capture(logger => logger.Error("Charge to {CardNumber} for {Amount} failed", "4111111111111111", 12.5m));
        var candidate = Factory.Create(logEvent, null);

        Assert.Equal("Charge to \"[redacted]\" for 12.5 failed", candidate.RenderMessage!(candidate));
        Assert.Contains("4111111111111111", logEvent.RenderMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
