using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

/// <summary>A pipeline on a fake clock with an in-memory sender, plus helpers to drive it deterministically.</summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    public const string Key = "0123456789abcdef0123456789abcdef";
    public const string Source = "test-host";
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public PipelineHarness(Action<AlertPipelineOptions>? configure = null, FakeSender? sender = null, Uri? endpoint = null)
    {
        Sender = sender ?? new FakeSender();
        Options = new AlertPipelineOptions { RoutingKey = Key, Source = Source, TimeProvider = Clock, Diagnostics = d => Diagnostics.Enqueue(d) };
        if (endpoint is not null)
        {
            // Real HTTP on the real clock; only the pipeline's own intervals run on the fake one.
            Options.Client.Endpoint = PagerDutyEndpoint.Custom(endpoint);
        }

        configure?.Invoke(Options);
        Pipeline = endpoint is null ? new AlertPipeline(Options, Sender, null) : new AlertPipeline(Options);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public FakeSender Sender { get; }

    public ConcurrentQueue<PagerDutyDiagnostic> Diagnostics { get; } = new();

    public AlertPipelineOptions Options { get; }

    public AlertPipeline Pipeline { get; }

    public static AlertCandidate Candidate(string template = "Order {OrderId} failed", AlertLevel level = AlertLevel.Error,
        string? category = "App.Orders", Exception? exception = null, params (string Name, object? Value)[] properties) => new()
        {
            Level = level,
            MessageTemplate = template,
            RenderedMessage = template.Replace("{OrderId}", "42", StringComparison.Ordinal),
            Category = category,
            Exception = exception,
            Timestamp = Start,
            Properties = properties.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)).ToList(),
        };

    public static AlertCandidate Keyed(string dedupKey, AlertLevel level = AlertLevel.Error, string? action = null)
    {
        var properties = new List<(string, object?)> { ("PagerDutyDedupKey", dedupKey) };
        if (action is not null)
        {
            properties.Add(("PagerDutyAction", action));
        }

        return Candidate("Problem " + dedupKey, level, "App", null, properties.ToArray());
    }

    /// <summary>Waits (real time, bounded) until the pipeline has taken everything in and has nothing ready to send.</summary>
    public async Task WaitIdleAsync()
    {
        var limit = Stopwatch.StartNew();
        while (!Pipeline.IsIdle)
        {
            if (limit.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("The pipeline did not become idle: " + Pipeline.Statistics);
            }

            await Task.Delay(1);
        }
    }

    /// <summary>Waits until the consumer has processed everything enqueued so far.</summary>
    public async Task WaitProcessedAsync()
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            var stats = Pipeline.Statistics;
            if (stats.Processed == stats.Enqueued)
            {
                return;
            }

            if (limit.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("The consumer did not catch up: " + stats);
            }

            await Task.Delay(1);
        }
    }

    /// <summary>Advances the fake clock once the pipeline is idle, then waits for it to settle again.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await WaitIdleAsync();
        Clock.Advance(by);
        await WaitIdleAsync();
    }

    public IEnumerable<PagerDutyDiagnostic> DiagnosticsOf(PagerDutyDiagnosticKind kind) => Diagnostics.Where(d => d.Kind == kind);

    /// <summary>Disposes, moving the fake clock along so shutdown timeouts can expire; bounded in real time.</summary>
    public async Task DisposePipelineAsync()
    {
        var disposing = Pipeline.DisposeAsync().AsTask();
        var limit = Stopwatch.StartNew();
        while (!disposing.IsCompleted)
        {
            if (limit.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("Dispose did not finish.");
            }

            Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(disposing, Task.Delay(5));
        }

        await disposing;
    }

    public async ValueTask DisposeAsync()
    {
        Sender.Hang = false;
        Sender.Gate?.Release(1000);
        await DisposePipelineAsync();
    }
}
