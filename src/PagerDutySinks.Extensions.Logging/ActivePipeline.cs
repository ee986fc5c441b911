using System;
using System.Net.Http;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>The pipeline loggers currently write to, with the settings it was built from.</summary>
internal sealed class ActivePipeline
{
    private readonly string _settingsKey;
    private readonly HttpMessageHandler? _handler;

    public ActivePipeline(AlertPipeline pipeline, PagerDutyLoggerOptions options)
    {
        Pipeline = pipeline;
        _settingsKey = PipelineSettingsKey.Of(options);
        _handler = options.HttpMessageHandler;
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        ShutdownTimeout = options.ShutdownTimeout ?? new AlertPipelineOptions().ShutdownTimeout;
    }

    public AlertPipeline Pipeline { get; }

    public TimeProvider TimeProvider { get; }

    public TimeSpan ShutdownTimeout { get; }

    /// <summary>Whether <paramref name="options"/> would build the same pipeline, so a reload can keep this one and its alert state.</summary>
    public bool Matches(PagerDutyLoggerOptions options) =>
        ReferenceEquals(_handler, options.HttpMessageHandler)
        && ReferenceEquals(TimeProvider, options.TimeProvider ?? TimeProvider.System)
        && string.Equals(_settingsKey, PipelineSettingsKey.Of(options), StringComparison.Ordinal);
}
