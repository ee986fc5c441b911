using System;
using System.Collections.Generic;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// A log event that may become an alert, as handed to <see cref="AlertPipeline.Enqueue"/> by an adapter.
/// Captured on the logging thread, interpreted later on the pipeline's consumer.
/// </summary>
public sealed class AlertCandidate
{
    /// <summary>The log level.</summary>
    public AlertLevel Level { get; set; }

    /// <summary>The message template (Serilog) or <c>{OriginalFormat}</c> (MEL): the basis of template fingerprints.</summary>
    public string? MessageTemplate { get; set; }

    /// <summary>The rendered message; may be rendered lazily through <see cref="RenderMessage"/>.</summary>
    public string? RenderedMessage { get; set; }

    /// <summary>Renders the message on the consumer when <see cref="RenderedMessage"/> is not set, keeping the logging thread cheap.</summary>
    public Func<AlertCandidate, string>? RenderMessage { get; set; }

    /// <summary>The exception logged with the event, if any.</summary>
    public Exception? Exception { get; set; }

    /// <summary>
    /// The event's properties (Serilog properties, MEL state and scope values). Values are plain .NET objects or
    /// adapter types understood by <see cref="AlertPipelineOptions.DetailsValueConverter"/>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object?>>? Properties { get; set; }

    /// <summary>The logger category or Serilog <c>SourceContext</c>; becomes <c>payload.component</c>.</summary>
    public string? Category { get; set; }

    /// <summary>When the event happened.</summary>
    public DateTimeOffset Timestamp { get; set; }
}
