using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PagerDutySinks.Emulator;

/// <summary>A request the emulator received, and how it answered.</summary>
public sealed class ReceivedEvent
{
    /// <summary>When it arrived (emulator clock).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary><c>/v2/enqueue</c> or <c>/v2/change/enqueue</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The HTTP status answered.</summary>
    public int StatusCode { get; init; }

    /// <summary>The routing key, if one could be read.</summary>
    public string? RoutingKey { get; init; }

    /// <summary>The event action (alert events), if one could be read.</summary>
    public string? EventAction { get; init; }

    /// <summary>The dedup key answered (accepted alert events) or sent.</summary>
    public string? DedupKey { get; init; }

    /// <summary>The request body as JSON, when it parsed.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>The body size in bytes.</summary>
    public int BodyBytes { get; init; }

    /// <summary>The validation errors, for 400 answers.</summary>
    public IReadOnlyList<string> Errors { get; init; } = Array.Empty<string>();
}
