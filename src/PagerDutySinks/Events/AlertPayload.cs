using System;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PagerDutySinks.Events;

/// <summary>The <c>payload</c> of a trigger event: what the alert says.</summary>
public sealed class AlertPayload
{
    /// <summary>A brief text summary; at most <see cref="EventLimits.MaxSummaryLength"/> characters. Required.</summary>
    [JsonPropertyName("summary")]
    public string Summary { get; set; } = "";

    /// <summary>The unique location of the affected system, preferably a host name. Required.</summary>
    [JsonPropertyName("source")]
    public string Source { get; set; } = "";

    /// <summary>The perceived severity. Required.</summary>
    [JsonPropertyName("severity")]
    [JsonConverter(typeof(SeverityJsonConverter))]
    public Severity Severity { get; set; } = Severity.Error;

    /// <summary>When the event was detected.</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The component of the source responsible for the event.</summary>
    [JsonPropertyName("component")]
    public string? Component { get; set; }

    /// <summary>A logical grouping of components.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>The class or type of the event.</summary>
    [JsonPropertyName("class")]
    public string? Class { get; set; }

    /// <summary>Free-form details, a JSON object.</summary>
    [JsonPropertyName("custom_details")]
    public JsonObject? CustomDetails { get; set; }
}
