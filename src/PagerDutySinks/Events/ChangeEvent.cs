using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PagerDutySinks.Events;

/// <summary>A change event sent to <c>POST /v2/change/enqueue</c>: a deploy or configuration change shown beside incidents.</summary>
public sealed class ChangeEvent
{
    /// <summary>The integration (routing) key; 32 characters.</summary>
    [JsonPropertyName("routing_key")]
    public string RoutingKey { get; set; } = "";

    /// <summary>What changed.</summary>
    [JsonPropertyName("payload")]
    public ChangeEventPayload Payload { get; set; } = new();

    /// <summary>Links shown on the change.</summary>
    [JsonPropertyName("links")]
    public IList<Link>? Links { get; set; }

    /// <summary>Images shown on the change.</summary>
    [JsonPropertyName("images")]
    public IList<Image>? Images { get; set; }
}

/// <summary>The <c>payload</c> of a change event.</summary>
public sealed class ChangeEventPayload
{
    /// <summary>A brief summary of the change. Required.</summary>
    [JsonPropertyName("summary")]
    public string Summary { get; set; } = "";

    /// <summary>When the change happened.</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Where the change happened.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>Free-form details, a JSON object.</summary>
    [JsonPropertyName("custom_details")]
    public JsonObject? CustomDetails { get; set; }
}
