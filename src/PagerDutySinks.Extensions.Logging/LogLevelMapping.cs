using Microsoft.Extensions.Logging;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>Maps logging levels onto the pipeline's levels.</summary>
internal static class LogLevelMapping
{
    public static AlertLevel ToAlertLevel(LogLevel level) => level switch
    {
        LogLevel.Trace => AlertLevel.Verbose,
        LogLevel.Debug => AlertLevel.Debug,
        LogLevel.Information => AlertLevel.Information,
        LogLevel.Warning => AlertLevel.Warning,
        LogLevel.Error => AlertLevel.Error,
        _ => AlertLevel.Fatal,
    };
}
