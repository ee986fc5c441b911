using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Extensions.Logging.Tests;

public sealed class SafetyTests
{
    [Theory]
    [InlineData("System.Net.Http.HttpClient.PagerDuty.LogicalHandler")]
    [InlineData("PagerDutySinks.Pipeline.AlertPipeline")]
    [InlineData("Polly")]
    public async Task The_providers_own_traffic_never_pages(string category)
    {
        // Everything would page, except the host's own start-up messages.
        await using var app = await TestApp.StartAsync(new()
        {
            ["Logging:PagerDuty:LogLevel:Default"] = "Trace",
            ["Logging:PagerDuty:LogLevel:Microsoft"] = "None",
        });

        var own = app.Logger(category);
        Assert.False(own.IsEnabled(LogLevel.Critical));
        own.LogCritical("Request to {Url} failed", "http://127.0.0.1/v2/enqueue");
        app.Logger("MyApp.Orders").LogError("Order {OrderId} failed", 1);

        var sent = Assert.Single(await app.StopAndCollectAsync());
        Assert.Equal("MyApp.Orders", (string?)sent.Payload()["component"]);
    }

    [Fact]
    public async Task Log_never_throws_and_a_failing_formatter_still_pages()
    {
        await using var app = await TestApp.StartAsync();

        var logger = app.Logger("MyApp.Orders");
        logger.Log(LogLevel.Error, default, "state", null, (_, _) => throw new FormatException("bad format"));

        var sent = Assert.Single(await app.StopAndCollectAsync());
        Assert.Contains("could not be rendered", sent.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_host_delivers_pending_alerts()
    {
        await using var app = await TestApp.StartAsync();

        app.Logger("MyApp.Orders").LogCritical("Order {OrderId} lost", 7);
        app.Host.Dispose();

        var sent = Assert.Single(TestApp.Accepted(app.Emulator));
        Assert.Contains("Order 7 lost", sent.Summary(), StringComparison.Ordinal);
        Assert.Equal("critical", (string?)sent.Payload()["severity"]);
    }

    [Fact]
    public async Task Pipeline_problems_are_published_on_the_PagerDutySinks_diagnostic_listener()
    {
        var published = new ConcurrentQueue<PagerDutyDiagnostic>();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(published));
        await using var app = await TestApp.StartAsync();
        app.Emulator.Faults.FailNext(1, 400);

        app.Logger("MyApp.Orders").LogError("Order {OrderId} failed", 1);
        await app.StopAndCollectAsync();

        Assert.Contains(published, d => d.Kind == PagerDutyDiagnosticKind.Rejected);
    }

    [Fact]
    public async Task Pipeline_problems_reach_the_diagnostic_callback_not_the_log()
    {
        var diagnostics = new ConcurrentQueue<PagerDutyDiagnostic>();
        await using var app = await TestApp.StartAsync(configure: (builder, _) =>
            builder.Logging.AddPagerDuty(options => options.OnDiagnostic = diagnostics.Enqueue));
        app.Emulator.Faults.FailNext(1, 400);

        app.Logger("MyApp.Orders").LogError("Order {OrderId} failed", 1);
        await app.StopAndCollectAsync();

        var rejected = Assert.Single(diagnostics, d => d.Kind == PagerDutyDiagnosticKind.Rejected);
        Assert.DoesNotContain(TestApp.Key, rejected.Message, StringComparison.Ordinal);
    }

    private sealed class ListenerObserver(ConcurrentQueue<PagerDutyDiagnostic> published) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "PagerDutySinks")
            {
                listener.Subscribe(new EventObserver(published));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver(ConcurrentQueue<PagerDutyDiagnostic> published) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is PagerDutyDiagnostic diagnostic)
            {
                published.Enqueue(diagnostic);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
