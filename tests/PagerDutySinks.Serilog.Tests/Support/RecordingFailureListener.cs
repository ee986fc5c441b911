using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Serilog.Core;
using Serilog.Events;

namespace PagerDutySinks.Serilog.Tests.Support;

public sealed record LoggingFailure(object Sender, LoggingFailureKind Kind, string Message, IReadOnlyCollection<LogEvent>? Events, Exception? Exception);

public sealed class RecordingFailureListener : ILoggingFailureListener
{
    private readonly ConcurrentQueue<LoggingFailure> _failures = new();

    public IReadOnlyList<LoggingFailure> Failures => _failures.ToList();

    public void OnLoggingFailed(object sender, LoggingFailureKind kind, string message, IReadOnlyCollection<LogEvent>? events, Exception? exception) =>
        _failures.Enqueue(new LoggingFailure(sender, kind, message, events, exception));
}
