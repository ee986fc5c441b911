using System;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>The one place where provider settings become pipeline settings.</summary>
internal static class PipelineOptionsMapper
{
    /// <summary>The configuration path settings are named by in messages.</summary>
    public const string SectionPath = "Logging:PagerDuty";

    /// <summary>Builds pipeline settings from provider settings.</summary>
    /// <exception cref="ArgumentException">The endpoint cannot be parsed; the message names the setting.</exception>
    public static AlertPipelineOptions ToPipelineOptions(PagerDutyLoggerOptions options, Action<PagerDutyDiagnostic>? diagnostics)
    {
        var timeProvider = options.TimeProvider ?? TimeProvider.System;
        var pipeline = new AlertPipelineOptions
        {
            RoutingKey = options.RoutingKey ?? "",
            Source = options.Source,
            Group = options.Group,
            ClientName = options.ClientName,
            ClientUrl = options.ClientUrl,
            ResolveAfter = options.ResolveAfter,
            Diagnostics = diagnostics,
            TimeProvider = timeProvider,

            // The logging filter rules (Logging:PagerDuty:LogLevel) already decided that this event pages.
            MinimumLevel = AlertLevel.Verbose,
        };

        var client = pipeline.Client;
        client.TimeProvider = timeProvider;
        client.HttpMessageHandler = options.Handler;
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            client.Endpoint = PagerDutyEndpoint.Parse(options.Endpoint, options.AllowInsecureHttp, SectionPath + ":Endpoint");
        }

        if (options.RateLimitPerMinute is { } rate) client.RateLimitPerMinute = rate;
        if (options.UpdateInterval is { } update) pipeline.UpdateInterval = update;
        if (options.RepeatInterval is { } repeat) pipeline.RepeatInterval = repeat;
        if (options.QueueLimit is { } queue) pipeline.QueueLimit = queue;
        if (options.StormThreshold is { } storm) pipeline.StormThreshold = storm;
        if (options.ShutdownTimeout is { } shutdown) pipeline.ShutdownTimeout = shutdown;
        if (!string.IsNullOrEmpty(options.DedupKeyPropertyName)) pipeline.DedupKeyPropertyName = options.DedupKeyPropertyName!;
        if (!string.IsNullOrEmpty(options.ActionPropertyName)) pipeline.ActionPropertyName = options.ActionPropertyName!;
        if (!string.IsNullOrEmpty(options.LinksPropertyName)) pipeline.LinksPropertyName = options.LinksPropertyName!;
        if (!string.IsNullOrEmpty(options.ImagesPropertyName)) pipeline.ImagesPropertyName = options.ImagesPropertyName!;
        if (!string.IsNullOrEmpty(options.GroupPropertyName)) pipeline.GroupPropertyName = options.GroupPropertyName!;

        foreach (var pair in options.SeverityMap)
        {
            pipeline.SeverityMap[LogLevelMapping.ToAlertLevel(pair.Key)] = pair.Value;
        }

        foreach (var prefix in options.InAppInclude) pipeline.InAppInclude.Add(prefix);
        foreach (var prefix in options.InAppExclude) pipeline.InAppExclude.Add(prefix);
        foreach (var name in options.RedactedProperties) pipeline.RedactedProperties.Add(name);
        foreach (var name in options.ExcludedProperties) pipeline.ExcludedProperties.Add(name);
        foreach (var link in options.Links) pipeline.Links.Add(link);
        foreach (var image in options.Images) pipeline.Images.Add(image);

        // A pagerduty:// URL in RoutingKey also carries the endpoint, source, links and client.
        if (PagerDutyConnection.IsConnectionUrl(options.RoutingKey))
        {
            RoutingKeySetting.ApplyTo(pipeline, options.RoutingKey, SectionPath + ":RoutingKey");
        }

        return pipeline;
    }
}
