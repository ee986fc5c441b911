using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PagerDutySinks.Pipeline;
using Serilog.Core;
using Serilog.Events;

namespace PagerDutySinks.Reliability.Tests.Support;

/// <summary>What the Serilog sink told its failure listener.</summary>
internal sealed record SinkFailure(LoggingFailureKind Kind, string Message, int EventCount, Exception? Exception);

/// <summary>
/// Records every failure the Serilog sink reports. Optionally holds the reporting thread on the first message that
/// contains <see cref="StallOn"/>, which stalls the pipeline's consumer on purpose (to fill its buffer deterministically).
/// </summary>
internal sealed class RecordingListener : ILoggingFailureListener
{
    private readonly ConcurrentQueue<SinkFailure> _failures = new();
    private long _droppedEvents;

    public string? StallOn { get; set; }

    public ManualResetEventSlim Stalled { get; } = new();

    public ManualResetEventSlim Release { get; } = new();

    public IReadOnlyList<SinkFailure> Failures => _failures.ToList();

    /// <summary>Events the sink reported as dropped; counted rather than kept, since a soak drops millions.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    public void OnLoggingFailed(object sender, LoggingFailureKind kind, string message, IReadOnlyCollection<LogEvent>? events, Exception? exception)
    {
        if (message.Contains("dropped an event", StringComparison.Ordinal))
        {
            Interlocked.Add(ref _droppedEvents, events?.Count ?? 0);
            return;
        }

        _failures.Enqueue(new SinkFailure(kind, message, events?.Count ?? 0, exception));
        if (StallOn is { } marker && message.Contains(marker, StringComparison.Ordinal) && !Stalled.IsSet)
        {
            Stalled.Set();
            Release.Wait(TimeSpan.FromSeconds(30));
        }
    }
}

/// <summary>Records the diagnostics of an <see cref="AlertPipeline"/> (the MEL provider's <c>OnDiagnostic</c>).</summary>
internal sealed class DiagnosticLog
{
    private readonly ConcurrentQueue<PagerDutyDiagnostic> _items = new();

    public IReadOnlyList<PagerDutyDiagnostic> Items => _items.ToList();

    public void Add(PagerDutyDiagnostic diagnostic) => _items.Enqueue(diagnostic);

    public int CountOf(PagerDutyDiagnosticKind kind) => Items.Where(d => d.Kind == kind).Sum(d => d.Count);
}
