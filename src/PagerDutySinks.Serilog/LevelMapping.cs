using PagerDutySinks.Pipeline;
using Serilog.Events;

namespace PagerDutySinks.Serilog;

/// <summary>Serilog levels in the core's terms.</summary>
internal static class LevelMapping
{
    /// <summary>The core level of a Serilog level.</summary>
    /// <param name="level">The Serilog level.</param>
    /// <returns>The matching core level.</returns>
    internal static AlertLevel ToAlertLevel(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => AlertLevel.Verbose,
        LogEventLevel.Debug => AlertLevel.Debug,
        LogEventLevel.Information => AlertLevel.Information,
        LogEventLevel.Warning => AlertLevel.Warning,
        LogEventLevel.Error => AlertLevel.Error,
        _ => AlertLevel.Fatal,
    };
}
