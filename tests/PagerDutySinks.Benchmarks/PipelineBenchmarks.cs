using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Benchmarks
{
    /// <summary>Accepts every event at once: the benchmarks measure the pipeline, not HTTP.</summary>
    internal sealed class AcceptingSender : IAlertSender
    {
        public Task<SendResult> SendAsync(AlertEvent alertEvent, CancellationToken cancellationToken) =>
            Task.FromResult(new SendResult(SendOutcome.Accepted, alertEvent.DedupKey, 202));
    }

    internal static class PipelineBench
    {
        public const string RoutingKey = "0123456789abcdef0123456789abcdef";

        public static AlertPipeline Create(int queueLimit) =>
            new(new AlertPipelineOptions { RoutingKey = RoutingKey, Source = "bench", QueueLimit = queueLimit }, new AcceptingSender());

        public static AlertCandidate Candidate(string template, AlertLevel level, string category) => new()
        {
            Level = level,
            MessageTemplate = template,
            RenderedMessage = template,
            Category = category,
            Timestamp = DateTimeOffset.UtcNow,
            Properties = new List<KeyValuePair<string, object?>> { new("OrderId", 42), new("Customer", "ann") },
        };
    }

    // Enqueue from the logging thread's point of view. Each iteration offers a fixed number of candidates into a
    // buffer large enough to hold them all, and waits outside the measurement for the consumer to drain, so every
    // measured call is a real buffered write (never the cheaper drop path).
    [MemoryDiagnoser]
    [InvocationCount(EnqueuesPerIteration)]
    public class PipelineEnqueueBenchmarks
    {
        private const int EnqueuesPerIteration = 200_000;
        private AlertPipeline _pipeline = null!;
        private AlertCandidate _qualifying = null!;

        [GlobalSetup]
        public void Setup()
        {
            _pipeline = PipelineBench.Create(EnqueuesPerIteration * 2);
            _qualifying = PipelineBench.Candidate("Payment {OrderId} declined for {Customer}", AlertLevel.Error, "Shop.Payments");
        }

        [IterationCleanup]
        public void Drain()
        {
            while (_pipeline.Statistics.Processed < _pipeline.Statistics.Enqueued)
            {
                Thread.Sleep(1);
            }
        }

        [GlobalCleanup]
        public void Cleanup() => _pipeline.Dispose();

        [Benchmark(Description = "Enqueue, qualifying")]
        public bool EnqueueQualifying() => _pipeline.Enqueue(_qualifying);
    }

    // A candidate below the minimum level never reaches the buffer, so this one runs with as many invocations as
    // BenchmarkDotNet needs for a nanosecond-scale figure.
    [MemoryDiagnoser]
    public class PipelineFilteredBenchmarks
    {
        private AlertPipeline _pipeline = null!;
        private AlertCandidate _filtered = null!;

        [GlobalSetup]
        public void Setup()
        {
            _pipeline = PipelineBench.Create(1000);
            _filtered = PipelineBench.Candidate("Cache warmed", AlertLevel.Information, "Shop.Cache");
        }

        [GlobalCleanup]
        public void Cleanup() => _pipeline.Dispose();

        [Benchmark(Description = "Enqueue, below minimum level")]
        public bool EnqueueFiltered() => _pipeline.Enqueue(_filtered);
    }

    // The consumer's work per candidate (explicit-key and template fingerprints, coalescing into per-key state),
    // run synchronously over a batch: throughput = OperationsPerInvoke / time. Target: at least 1M candidates/s.
    [MemoryDiagnoser]
    public class PipelineConsumerBenchmarks
    {
        private const int Batch = 100_000;
        private AlertPipeline _pipeline = null!;
        private AlertCandidate[] _candidates = null!;

        [GlobalSetup]
        public void Setup()
        {
            _pipeline = PipelineBench.Create(1000);
            _candidates = new AlertCandidate[Batch];
            var templates = new AlertCandidate[10];
            for (var i = 0; i < templates.Length; i++)
            {
                templates[i] = PipelineBench.Candidate("Step " + i + " failed for order {OrderId}", AlertLevel.Error, "Shop.Step" + i);
            }

            for (var i = 0; i < Batch; i++)
            {
                // Same statement logged again and again: a fresh candidate object each time, as an adapter makes.
                var template = templates[i % templates.Length];
                _candidates[i] = new AlertCandidate
                {
                    Level = template.Level, MessageTemplate = template.MessageTemplate, RenderedMessage = template.RenderedMessage,
                    Category = template.Category, Timestamp = template.Timestamp, Properties = template.Properties,
                };
            }

            foreach (var candidate in _candidates)
            {
                _pipeline.ProcessForBenchmark(candidate);
            }
        }

        [GlobalCleanup]
        public void Cleanup() => _pipeline.Dispose();

        [Benchmark(OperationsPerInvoke = Batch, Description = "Consumer, 10 repeated keys (per candidate)")]
        public void ConsumeRepeatedKeys()
        {
            foreach (var candidate in _candidates)
            {
                _pipeline.ProcessForBenchmark(candidate);
            }
        }
    }
}
