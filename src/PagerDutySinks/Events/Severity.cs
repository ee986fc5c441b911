namespace PagerDutySinks.Events;

/// <summary>The perceived severity of an alert (<c>payload.severity</c>).</summary>
public enum Severity
{
    /// <summary>Informational.</summary>
    Info,

    /// <summary>A warning.</summary>
    Warning,

    /// <summary>An error.</summary>
    Error,

    /// <summary>A critical failure.</summary>
    Critical,
}
