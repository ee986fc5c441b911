using System;

namespace PagerDutySinks.Events;

/// <summary>The wire spelling of the API's enumerations.</summary>
public static class WireNames
{
    /// <summary>The wire name of an event action: <c>trigger</c>, <c>acknowledge</c> or <c>resolve</c>.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The lower-case name PagerDuty expects.</returns>
    public static string ToWire(this EventAction action) => action switch
    {
        EventAction.Trigger => "trigger",
        EventAction.Acknowledge => "acknowledge",
        EventAction.Resolve => "resolve",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown event action."),
    };

    /// <summary>The wire name of a severity: <c>info</c>, <c>warning</c>, <c>error</c> or <c>critical</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The lower-case name PagerDuty expects.</returns>
    public static string ToWire(this Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        Severity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    /// <summary>Parses an event action by its wire name, ignoring case.</summary>
    /// <param name="value">The text, e.g. <c>resolve</c>.</param>
    /// <param name="action">The parsed action.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> names an action.</returns>
    public static bool TryParseAction(string? value, out EventAction action)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "TRIGGER": action = EventAction.Trigger; return true;
            case "ACKNOWLEDGE": case "ACK": action = EventAction.Acknowledge; return true;
            case "RESOLVE": action = EventAction.Resolve; return true;
            default: action = default; return false;
        }
    }

    /// <summary>Parses a severity by its wire name, ignoring case.</summary>
    /// <param name="value">The text, e.g. <c>critical</c>.</param>
    /// <param name="severity">The parsed severity.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> names a severity.</returns>
    public static bool TryParseSeverity(string? value, out Severity severity)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "INFO": severity = Severity.Info; return true;
            case "WARNING": severity = Severity.Warning; return true;
            case "ERROR": severity = Severity.Error; return true;
            case "CRITICAL": severity = Severity.Critical; return true;
            default: severity = default; return false;
        }
    }
}
