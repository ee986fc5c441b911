using System;
using System.Collections.Generic;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Serilog;

/// <summary>The one place where sink settings become core pipeline settings.</summary>
internal static class PipelineOptionsMapping
{
    /// <summary>Builds and validates the pipeline settings.</summary>
    /// <param name="options">The sink settings.</param>
    /// <param name="minimumLevel">The lowest level the pipeline accepts (the sink filters first).</param>
    /// <param name="diagnostics">Where the pipeline reports problems.</param>
    /// <returns>Validated pipeline settings.</returns>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it, with the routing key masked.</exception>
    internal static AlertPipelineOptions ToPipelineOptions(
        PagerDutySinkOptions options, AlertLevel minimumLevel, Action<PagerDutyDiagnostic> diagnostics)
    {
        // Checked first and under the names users write in code and JSON, so the message points at the right setting.
        RoutingKeySetting.Validate(options.RoutingKey, "routingKey");
        var endpoint = PagerDutyEndpoint.Parse(
            string.IsNullOrWhiteSpace(options.Endpoint) ? "us" : options.Endpoint, options.AllowInsecureHttp, "endpoint");

        var client = new PagerDutyClientOptions { Endpoint = endpoint };
        if (options.RateLimitPerMinute is { } rateLimit)
        {
            client.RateLimitPerMinute = rateLimit;
        }

        if (options.HttpMessageHandler is { } handler)
        {
            client.HttpMessageHandler = handler;
        }

        if (options.TimeProvider is { } clock)
        {
            client.TimeProvider = clock;
        }

        var pipeline = new AlertPipelineOptions
        {
            Client = client,
            Source = options.Source,
            Group = options.Group,
            ClientName = options.ClientName,
            ClientUrl = options.ClientUrl,
            MinimumLevel = minimumLevel,
            ResolveAfter = options.ResolveAfter,
            DedupKeyPropertyName = options.DedupKeyPropertyName,
            ActionPropertyName = options.ActionPropertyName,
            LinksPropertyName = options.LinksPropertyName,
            ImagesPropertyName = options.ImagesPropertyName,
            GroupPropertyName = options.GroupPropertyName,
            DetailsValueConverter = SerilogDetailsValueConverter.Instance,
            Diagnostics = diagnostics,
            TimeProvider = options.TimeProvider,
        };

        pipeline.QueueLimit = options.QueueLimit ?? pipeline.QueueLimit;
        pipeline.UpdateInterval = options.UpdateInterval ?? pipeline.UpdateInterval;
        pipeline.RepeatInterval = options.RepeatInterval ?? pipeline.RepeatInterval;
        pipeline.StormThreshold = options.StormThreshold ?? pipeline.StormThreshold;
        pipeline.StormWindow = options.StormWindow ?? pipeline.StormWindow;
        pipeline.ShutdownTimeout = options.ShutdownTimeout ?? pipeline.ShutdownTimeout;
        pipeline.MaxTrackedKeys = options.MaxTrackedKeys ?? pipeline.MaxTrackedKeys;

        foreach (var entry in options.SeverityMap)
        {
            pipeline.SeverityMap[LevelMapping.ToAlertLevel(entry.Key)] = entry.Value;
        }

        ReplaceContents(pipeline.InAppInclude, options.InAppInclude);
        ReplaceContents(pipeline.InAppExclude, options.InAppExclude);
        ReplaceContents(pipeline.RedactedProperties, options.RedactedProperties);
        ReplaceContents(pipeline.ExcludedProperties, options.ExcludedProperties);
        ReplaceContents(pipeline.Links, options.Links);
        ReplaceContents(pipeline.Images, options.Images);
        ReplaceContents(pipeline.IgnoredCategories, options.IgnoredSourceContexts);

        // A pagerduty:// URL in the key setting also carries the endpoint, source, links and client.
        RoutingKeySetting.ApplyTo(pipeline, options.RoutingKey, "routingKey");
        pipeline.Validate();
        return pipeline;
    }

    private static void ReplaceContents<T>(ICollection<T> target, IEnumerable<T> source)
    {
        target.Clear();
        foreach (var item in source)
        {
            target.Add(item);
        }
    }
}
