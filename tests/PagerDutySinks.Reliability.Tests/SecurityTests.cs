using System;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PagerDutySinks.Emulator;
using PagerDutySinks.Extensions.Logging;
using PagerDutySinks.Reliability.Tests.Support;
using Serilog;
using Serilog.Debugging;

namespace PagerDutySinks.Reliability.Tests;

/// <summary>
/// Tests that touch process-wide state (SelfLog, GC heap size) run one at a time, after the parallel tests, so that
/// neither output nor memory of other tests gets mixed into what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateTests
{
    public const string Name = "Process-wide diagnostics";
}

/// <summary>The routing key never appears whole in anything the sinks say; secrets in properties are redacted.</summary>
[Collection(ProcessWideStateTests.Name)]
public sealed class SecurityTests
{
    [Fact]
    public async Task Routing_key_never_appears_whole_in_any_diagnostic_output()
    {
        var output = new ConcurrentQueue<string>();
        SelfLog.Enable(line => output.Enqueue(line));
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "PagerDutySinks")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                output.Enqueue(instrument.Name + " " + tag.Key + "=" + tag.Value);
            }
        });
        meters.Start();

        try
        {
            var clock = new FakeTimeProvider(Keys.ClockStart);
            await using var emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = 2, TimeProvider = clock });
            var key = Keys.NewRoutingKey();
            await using var serilog = SerilogRig.Create(emulator, clock, ownsEmulator: false, o => o.ShutdownTimeout = TimeSpan.FromSeconds(1), key);
            await using var mel = MelRig.Create(emulator, clock, ownsEmulator: false, o => o.ShutdownTimeout = TimeSpan.FromSeconds(1), key);

            // Accepted, rejected (400), failed (500 until retries run out), throttled (429 from the emulator), degraded, not delivered.
            serilog.Logger.Error("Accepted {Order}", 1);
            await serilog.FlushAsync(TimeSpan.FromMinutes(1));
            emulator.Faults.FailNext(1, 400);
            mel.Logger.LogError("Rejected {Order}", 2);
            await mel.FlushAsync(TimeSpan.FromMinutes(1));
            emulator.Faults.FailNext(1000, 500);
            serilog.Logger.Error("Fails {Order}", 3);
            await serilog.FlushAsync(TimeSpan.FromMinutes(5));
            emulator.Faults.Clear();
            mel.Logger.LogError(new PoisonedException(), "Degraded {Value}", new ThrowsOnToString());
            mel.Logger.LogError("Throttled {PagerDutyDedupKey}", "t1");
            mel.Logger.LogError("Throttled {PagerDutyDedupKey}", "t2");
            mel.Logger.LogError("Throttled {PagerDutyDedupKey}", "t3");
            await mel.FlushAsync(TimeSpan.FromSeconds(30));
            serilog.Logger.ForContext("PagerDutyAction", "explode").Error("Bad action");
            serilog.Logger.ForContext("PagerDutyAction", "resolve").Error("Resolve without a key");
            await serilog.CloseAsync();
            await mel.CloseAsync();

            foreach (var diagnostic in mel.Diagnostics.Items)
            {
                output.Enqueue(diagnostic.ToString());
                output.Enqueue(diagnostic.Message);
                output.Enqueue(string.Join(",", diagnostic.DedupKeys));
                output.Enqueue(diagnostic.Exception?.ToString() ?? "");
            }

            foreach (var failure in serilog.Listener.Failures)
            {
                output.Enqueue(failure.Message);
                output.Enqueue(failure.Exception?.ToString() ?? "");
            }

            output.Enqueue(serilog.Sink.ToString() ?? "");
            output.Enqueue(serilog.Statistics.ToString());
            output.Enqueue(mel.Provider.ToString() ?? "");
            output.Enqueue(mel.Statistics.ToString());
            output.Enqueue(serilog.Options.ToString() ?? "");
            output.Enqueue(mel.Options.ToString() ?? "");

            // Misconfiguration with this key: a bad endpoint, a bad limit.
            output.Enqueue(Assert.ThrowsAny<ArgumentException>(() => new LoggerConfiguration().WriteTo.PagerDuty(key, endpoint: "gopher://x").CreateLogger()).ToString());
            output.Enqueue(Assert.ThrowsAny<ArgumentException>(() => new LoggerConfiguration().WriteTo.PagerDuty(key, endpoint: emulator.BaseAddress.ToString(), rateLimitPerMinute: -1).CreateLogger()).ToString());
            output.Enqueue(Assert.ThrowsAny<ArgumentException>(() => new PagerDutyLoggerProvider(new PagerDutyLoggerOptions { RoutingKey = key, Endpoint = "gopher://x" })).ToString());

            // The emulator's own pages: it keeps keys whole in memory, but shows them masked.
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            foreach (var page in new[] { "/", "/api/alerts", "/api/events", "/api/stats" })
            {
                output.Enqueue(await http.GetStringAsync(page));
            }

            var all = string.Join("\n", output);
            Assert.Contains(serilog.Listener.Failures, f => f.Message.Contains("PagerDuty Failed", StringComparison.Ordinal));
            Assert.Contains(mel.Diagnostics.Items, d => d.Kind == Pipeline.PagerDutyDiagnosticKind.Rejected);
            Assert.Contains(output, line => line.StartsWith("pagerduty.alerts.", StringComparison.Ordinal));
            Assert.Contains(RoutingKey.Mask(key), all, StringComparison.Ordinal);
            Assert.DoesNotContain(key, all, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            SelfLog.Disable();
        }
    }

    [Fact]
    public async Task Secret_properties_are_redacted_and_excluded_properties_left_out_in_serilog()
    {
        await using var rig = await SerilogRig.StartAsync(o => o.ExcludedProperties.Add("InternalNote"));

        rig.Logger
            .ForContext("password", "hunter2-serilog")
            .ForContext("Authorization", "Bearer eyJ-serilog")
            .ForContext("token", "tok-serilog")
            .ForContext("InternalNote", "do-not-send-serilog")
            .ForContext("Customer", "alice")
            .Error("Login failed");
        await rig.FlushAsync(TimeSpan.FromMinutes(1));

        var sent = Assert.Single(rig.Accepted);
        var details = sent.Body!["payload"]!["custom_details"]!.AsObject();
        Assert.Equal("[redacted]", details["password"]!.GetValue<string>());
        Assert.Equal("[redacted]", details["Authorization"]!.GetValue<string>());
        Assert.Equal("[redacted]", details["token"]!.GetValue<string>());
        Assert.False(details.ContainsKey("InternalNote"));
        Assert.Equal("alice", details["Customer"]!.GetValue<string>());
        var body = sent.Body!.ToJsonString();
        foreach (var secret in new[] { "hunter2-serilog", "eyJ-serilog", "tok-serilog", "do-not-send-serilog" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Secret_properties_are_redacted_and_excluded_properties_left_out_in_the_logging_provider()
    {
        await using var rig = await MelRig.StartAsync(o => o.ExcludedProperties.Add("InternalNote"));

        using (rig.Logger.BeginScope(new System.Collections.Generic.Dictionary<string, object?> { ["authorization"] = "Bearer eyJ-mel", ["InternalNote"] = "do-not-send-mel" }))
        {
            rig.Logger.LogError("Login failed for {Customer} {Token}", "alice", "tok-mel");
        }

        await rig.FlushAsync(TimeSpan.FromMinutes(1));

        var sent = Assert.Single(rig.Accepted);
        var body = sent.Body!.ToJsonString();
        Assert.Contains("[redacted]", body, StringComparison.Ordinal);
        Assert.Contains("alice", body, StringComparison.Ordinal);
        foreach (var secret in new[] { "eyJ-mel", "do-not-send-mel" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }

        var details = sent.Body!["payload"]!["custom_details"]!.ToJsonString();
        Assert.DoesNotContain("tok-mel", details, StringComparison.Ordinal);
    }
}
