using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>
/// Settings of the PagerDuty logging provider, bound from the <c>Logging:PagerDuty</c> configuration section.
/// Which levels and categories page is decided by the usual logging filter rules (<c>Logging:PagerDuty:LogLevel</c>),
/// Error and above by default. Settings left unset keep the defaults of <see cref="AlertPipelineOptions"/>; the
/// <c>HttpMessageHandler</c>, <c>TimeProvider</c> and <see cref="OnDiagnostic"/> settings are code only.
/// </summary>
public sealed class PagerDutyLoggerOptions : PagerDutyLoggingOptions
{
    /// <summary>The configuration section these settings are bound from.</summary>
    internal const string SectionPath = "Logging:PagerDuty";

    /// <summary>PagerDuty severity per log level, e.g. <c>"Warning": "error"</c>; levels not listed use the default map
    /// (Information and below → info, Warning → warning, Error → error, Critical → critical).</summary>
    public Dictionary<LogLevel, Severity> SeverityMap { get; } = new();

    /// <summary>Whether logging scopes are added to <c>custom_details</c> (default <see langword="true"/>).</summary>
    public bool IncludeScopes { get; set; } = true;

    /// <summary>
    /// Receives the provider's problems (dropped, rejected or undelivered alerts, configuration errors found at run time)
    /// instead of the logging path. Never log through <c>ILogger</c> from it: that would loop. Routing keys in it are masked.
    /// </summary>
    public Action<PagerDutyDiagnostic>? OnDiagnostic { get; set; }

    /// <summary>The core pipeline's settings, named in messages by their configuration paths.</summary>
    internal AlertPipelineOptions ToPipelineOptions(Action<PagerDutyDiagnostic>? diagnostics)
    {
        var pipeline = CreatePipelineOptions(SectionPath + ":RoutingKey", SectionPath + ":Endpoint");
        pipeline.Diagnostics = diagnostics;

        // The logging filter rules (Logging:PagerDuty:LogLevel) already decided that an event pages.
        pipeline.MinimumLevel = AlertLevel.Verbose;
        foreach (var pair in SeverityMap)
        {
            pipeline.SeverityMap[LogLevelMapping.ToAlertLevel(pair.Key)] = pair.Value;
        }

        return pipeline;
    }
}
