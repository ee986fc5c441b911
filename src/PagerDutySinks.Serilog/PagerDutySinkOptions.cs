using System;
using System.Collections.Generic;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;
using Serilog.Events;

namespace PagerDutySinks.Serilog;

/// <summary>
/// Settings of the PagerDuty sink. Only <see cref="PagerDutyLoggingOptions.RoutingKey"/> is required; a setting left
/// <see langword="null"/> keeps the default of the core <see cref="AlertPipelineOptions"/> / <see cref="PagerDutyClientOptions"/>.
/// </summary>
public sealed class PagerDutySinkOptions : PagerDutyLoggingOptions
{
    /// <summary>Severity per Serilog level; missing levels use the default map (≤ Information → info, Warning → warning, Error → error, Fatal → critical).</summary>
    public IDictionary<LogEventLevel, Severity> SeverityMap { get; } = new Dictionary<LogEventLevel, Severity>();

    /// <summary>
    /// <c>SourceContext</c> prefixes that never page. By default the HTTP stack the sink itself uses
    /// (<c>System.Net.Http.HttpClient</c>, <c>PagerDutySinks</c>, <c>Polly</c>), which would otherwise page about its own failures.
    /// </summary>
    public IList<string> IgnoredSourceContexts { get; } = new List<string>(new AlertPipelineOptions().IgnoredCategories);

    /// <summary>The core pipeline's settings, named in messages as in code and JSON configuration.</summary>
    internal AlertPipelineOptions ToPipelineOptions(AlertLevel minimumLevel, Action<PagerDutyDiagnostic> diagnostics)
    {
        // Checked first, so that a bad key is what the message is about.
        RoutingKeySetting.Validate(RoutingKey, "routingKey");
        var pipeline = CreatePipelineOptions("routingKey", "endpoint");
        pipeline.MinimumLevel = minimumLevel;
        pipeline.DetailsValueConverter = SerilogDetailsValueConverter.Instance;
        pipeline.Diagnostics = diagnostics;
        foreach (var entry in SeverityMap)
        {
            pipeline.SeverityMap[LevelMapping.ToAlertLevel(entry.Key)] = entry.Value;
        }

        pipeline.IgnoredCategories.Clear();
        foreach (var prefix in IgnoredSourceContexts)
        {
            pipeline.IgnoredCategories.Add(prefix);
        }

        pipeline.Validate();
        return pipeline;
    }
}
