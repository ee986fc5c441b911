using System;
using System.Globalization;
using PagerDutySinks.Pipeline;
using Serilog.Events;

namespace PagerDutySinks.Serilog;

/// <summary>Translates a Serilog event into the core's <see cref="AlertCandidate"/>; everything else is the core's job.</summary>
internal static class LogEventCandidates
{
    /// <summary>The property Serilog's <c>ForContext&lt;T&gt;()</c> sets; it becomes the alert's component.</summary>
    internal const string SourceContextPropertyName = "SourceContext";

    // Static so that building a candidate allocates no closure; the event travels inside the property list.
    private static readonly Func<AlertCandidate, string> RenderFromLogEvent = candidate =>
        candidate.Properties is LogEventProperties properties
            ? properties.LogEvent.RenderMessage(CultureInfo.InvariantCulture)
            : candidate.MessageTemplate ?? "";

    /// <summary>The event's <c>SourceContext</c>, when it is a string.</summary>
    /// <param name="logEvent">The event.</param>
    /// <returns>The source context, or <see langword="null"/>.</returns>
    internal static string? SourceContextOf(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue(SourceContextPropertyName, out var value) && value is ScalarValue { Value: string context }
            ? context
            : null;

    /// <summary>Builds a candidate; the message is rendered later, on the pipeline's consumer.</summary>
    /// <param name="logEvent">The event.</param>
    /// <param name="sourceContext">The event's source context, already looked up.</param>
    /// <returns>The candidate.</returns>
    internal static AlertCandidate Create(LogEvent logEvent, string? sourceContext) => new()
    {
        Level = LevelMapping.ToAlertLevel(logEvent.Level),
        MessageTemplate = logEvent.MessageTemplate.Text,
        RenderMessage = RenderFromLogEvent,
        Exception = logEvent.Exception,
        Properties = new LogEventProperties(logEvent),
        Category = sourceContext,
        Timestamp = logEvent.Timestamp,
    };
}
