using System;
using System.Collections.Generic;
using System.Globalization;
using PagerDutySinks.Pipeline;
using Serilog.Events;

namespace PagerDutySinks.Serilog;

/// <summary>Translates a Serilog event into the core's <see cref="AlertCandidate"/>; everything else is the core's job.</summary>
internal sealed class LogEventCandidateFactory
{
    /// <summary>The property Serilog's <c>ForContext&lt;T&gt;()</c> sets; it becomes the alert's component.</summary>
    internal const string SourceContextPropertyName = "SourceContext";

    private const string RedactedText = "[redacted]";
    private static readonly ScalarValue RedactedValue = new(RedactedText);

    private readonly HashSet<string> _redactedProperties;

    // One delegate per sink, not per event: the event travels inside the candidate's property list.
    private readonly Func<AlertCandidate, string> _renderMessage;

    /// <summary>Creates a factory.</summary>
    /// <param name="redactedProperties">Properties whose values must not appear in the summary either (case-insensitive).</param>
    internal LogEventCandidateFactory(IEnumerable<string> redactedProperties)
    {
        _redactedProperties = new HashSet<string>(redactedProperties, StringComparer.OrdinalIgnoreCase);
        _renderMessage = Render;
    }

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
    internal AlertCandidate Create(LogEvent logEvent, string? sourceContext) => new()
    {
        Level = LevelMapping.ToAlertLevel(logEvent.Level),
        MessageTemplate = logEvent.MessageTemplate.Text,
        RenderMessage = _renderMessage,
        Exception = logEvent.Exception,
        Properties = new LogEventProperties(logEvent),
        Category = sourceContext,
        Timestamp = logEvent.Timestamp,
    };

    private string Render(AlertCandidate candidate)
    {
        if (candidate.Properties is not LogEventProperties { LogEvent: var logEvent })
        {
            return candidate.MessageTemplate ?? "";
        }

        // The core redacts custom_details; the summary is rendered here, so secrets are kept out of it here.
        if (!CarriesRedactedProperty(logEvent))
        {
            return logEvent.RenderMessage(CultureInfo.InvariantCulture);
        }

        var properties = new Dictionary<string, LogEventPropertyValue>(logEvent.Properties.Count);
        foreach (var property in logEvent.Properties)
        {
            properties[property.Key] = _redactedProperties.Contains(property.Key) ? RedactedValue : property.Value;
        }

        return logEvent.MessageTemplate.Render(properties, CultureInfo.InvariantCulture);
    }

    private bool CarriesRedactedProperty(LogEvent logEvent)
    {
        if (_redactedProperties.Count == 0)
        {
            return false;
        }

        foreach (var name in logEvent.Properties.Keys)
        {
            if (_redactedProperties.Contains(name))
            {
                return true;
            }
        }

        return false;
    }
}
