using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PagerDutySinks.Emulator;
using PagerDutySinks.Extensions.Logging;
using Serilog;
using Shop.Checkout;
using Shop.Inventory;

namespace Quickstart;

/// <summary>The incident: healthy traffic, a hot-path failure, a second bug, a fatal, then recovery.</summary>
internal static class QuickstartRun
{
    // A placeholder key for the local emulator; a real one comes from PAGERDUTY_ROUTING_KEY.
    private const string EmulatorRoutingKey = "quickstartquickstartquickstart00";
    private const string DatabaseDedupKey = "shop/orders-db";

    public static async Task<int> RunAsync(QuickstartSettings settings, CancellationToken cancellationToken)
    {
        var routingKey = Environment.GetEnvironmentVariable("PAGERDUTY_ROUTING_KEY");
        PagerDutyEmulator? emulator = null;
        string endpoint;
        if (string.IsNullOrWhiteSpace(routingKey))
        {
            emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = settings.RateLimitPerMinute }, cancellationToken);
            routingKey = EmulatorRoutingKey;
            endpoint = emulator.BaseAddress.ToString();
            Console.WriteLine($"No PAGERDUTY_ROUTING_KEY set: using the local PagerDuty emulator at {endpoint}");
        }
        else
        {
            endpoint = Environment.GetEnvironmentVariable("PAGERDUTY_ENDPOINT") ?? "us";
            Console.WriteLine($"Sending to PagerDuty ({endpoint}) with routing key {PagerDutySinks.RoutingKey.Mask(routingKey)}");
        }

        try
        {
            using var meter = new PipelineMeter();
            var counters = new IncidentCounters();
            var timeline = new IncidentTimeline(settings.Duration);
            var updateInterval = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, settings.Duration.Ticks / 10));
            var resolveAfter = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, settings.Duration.Ticks / 6));

            var serilog = new LoggerConfiguration()
                .MinimumLevel.Information()
                .Enrich.WithProperty("SourceContext", "Shop.Checkout.CheckoutService")
                .WriteTo.PagerDuty(routingKey, endpoint: endpoint, source: "shop-checkout", rateLimitPerMinute: settings.RateLimitPerMinute,
                    updateInterval: updateInterval, resolveAfter: resolveAfter)
                .CreateLogger();
            using var loggerFactory = LoggerFactory.Create(logging => logging
                .SetMinimumLevel(LogLevel.Information)
                .AddPagerDuty(o =>
                {
                    o.RoutingKey = routingKey;
                    o.Endpoint = endpoint;
                    o.Source = "shop-inventory";
                    o.RateLimitPerMinute = settings.RateLimitPerMinute;
                    o.UpdateInterval = updateInterval;
                    o.ResolveAfter = resolveAfter;
                }));
            var inventoryLog = loggerFactory.CreateLogger("Shop.Inventory.InventoryService");

            var progress = new ProgressLine(counters, emulator);
            using var progressTimer = new Timer(_ => progress.Refresh(), null, 250, 250);

            progress.Phase("Healthy traffic");
            for (var i = 0; i < 2_000; i++)
            {
                serilog.Information("Order {OrderId} placed in {ElapsedMs} ms", i, 40 + i % 30);
                inventoryLog.LogInformation("Reserved {Quantity} of {Sku}", 1 + i % 3, "SKU-1");
                counters.AddWritten(2);
            }

            await timeline.WaitUntilAsync(0.1, cancellationToken);
            progress.Phase($"Failure: the payment gateway times out on every order ({settings.Events:N0} errors from 2 threads)");
            counters.MarkFirstError();
            var hotPath = Task.WhenAll(
                Task.Run(() => HotPathAsync(serilog, settings.Events / 2, 0, timeline, counters, cancellationToken), cancellationToken),
                Task.Run(() => HotPathAsync(serilog, settings.Events - settings.Events / 2, 1, timeline, counters, cancellationToken), cancellationToken));

            await timeline.WaitUntilAsync(0.25, cancellationToken);
            progress.Phase("Second bug: a SKU missing from the stock table");
            for (var i = 0; i < 300; i++)
            {
                try
                {
                    InventoryService.Reserve("SKU-" + (100 + i));
                }
                catch (Exception e)
                {
                    inventoryLog.LogError(e, "Could not reserve {Sku} for order {OrderId}", "SKU-" + (100 + i), i);
                    counters.AddQualifying(1);
                }
            }

            await timeline.WaitUntilAsync(0.35, cancellationToken);
            progress.Phase("Fatal: the orders database is unreachable");
            serilog.ForContext("PagerDutyDedupKey", DatabaseDedupKey)
                .Fatal("Orders database {Database} unreachable: connection pool exhausted", "orders-primary");
            counters.AddQualifying(1);

            await hotPath;
            await timeline.WaitUntilAsync(0.5, cancellationToken);
            progress.Phase("Recovery: the database is back, errors stop, quiet alerts auto-resolve");
            serilog.ForContext("PagerDutyDedupKey", DatabaseDedupKey).ForContext("PagerDutyAction", "resolve")
                .Error("Orders database {Database} reachable again", "orders-primary");
            counters.AddQualifying(1);
            for (var i = 0; i < 1_000; i++)
            {
                serilog.Information("Order {OrderId} placed in {ElapsedMs} ms", 10_000 + i, 40 + i % 30);
                counters.AddWritten(1);
            }

            await timeline.WaitUntilAsync(1.0, cancellationToken);
            progress.Phase("Shutting down: flushing what is pending");
            await serilog.DisposeAsync();
            loggerFactory.Dispose();
            await progressTimer.DisposeAsync();
            progress.Done();

            await QuickstartReport.PrintAsync(emulator, counters, meter, settings, cancellationToken);
            if (emulator is not null && settings.KeepEmulator)
            {
                Console.WriteLine($"The emulator stays up at {emulator.BaseAddress} — open it in a browser. Ctrl+C to stop.");
                await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return 0;
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }
        }
    }

    private static async Task HotPathAsync(Serilog.ILogger log, int count, int thread, IncidentTimeline timeline, IncidentCounters counters, CancellationToken cancellationToken)
    {
        // Spread the errors over the failure phase the way real traffic would arrive, in bursts.
        const int Bursts = 20;
        var perBurst = Math.Max(1, count / Bursts);
        var logged = 0;
        for (var burst = 0; burst < Bursts && logged < count; burst++)
        {
            var n = burst == Bursts - 1 ? count - logged : Math.Min(perBurst, count - logged);
            for (var i = 0; i < n; i++)
            {
                try
                {
                    CheckoutService.PlaceOrder((thread * 1_000_000) + logged + i);
                }
                catch (Exception e)
                {
                    log.Error(e, "Checkout failed for order {OrderId}", (thread * 1_000_000) + logged + i);
                }
            }

            logged += n;
            counters.AddQualifying(n);
            await timeline.WaitUntilAsync(0.1 + (0.35 * (burst + 1) / Bursts), cancellationToken);
        }
    }
}
