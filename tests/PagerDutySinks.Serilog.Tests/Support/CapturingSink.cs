using System.Collections.Generic;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace PagerDutySinks.Serilog.Tests.Support;

/// <summary>Keeps the events a real Serilog logger produced, for tests of the event mapping.</summary>
public sealed class CapturingSink : ILogEventSink
{
    public List<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Add(logEvent);

    /// <summary>Logs through a real logger and returns the single event it produced.</summary>
    public static LogEvent Capture(System.Action<ILogger> log)
    {
        var sink = new CapturingSink();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger())
        {
            log(logger);
        }

        return Assert.Single(sink.Events);
    }
}
