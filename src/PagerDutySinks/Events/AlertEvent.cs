using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PagerDutySinks.Events;

/// <summary>An alert event sent to <c>POST /v2/enqueue</c>: trigger, acknowledge or resolve.</summary>
public sealed class AlertEvent
{
    /// <summary>The integration (routing) key; 32 characters.</summary>
    [JsonPropertyName("routing_key")]
    public string RoutingKey { get; set; } = "";

    /// <summary>What to do with the alert.</summary>
    [JsonPropertyName("event_action")]
    [JsonConverter(typeof(EventActionJsonConverter))]
    public EventAction EventAction { get; set; }

    /// <summary>Identifies the alert; required for acknowledge and resolve; at most 255 characters.</summary>
    [JsonPropertyName("dedup_key")]
    public string? DedupKey { get; set; }

    /// <summary>The alert's content; required for trigger.</summary>
    [JsonPropertyName("payload")]
    public AlertPayload? Payload { get; set; }

    /// <summary>The name of the monitoring client (trigger only).</summary>
    [JsonPropertyName("client")]
    public string? Client { get; set; }

    /// <summary>The URL of the monitoring client (trigger only).</summary>
    [JsonPropertyName("client_url")]
    public string? ClientUrl { get; set; }

    /// <summary>Links shown on the alert.</summary>
    [JsonPropertyName("links")]
    public IList<Link>? Links { get; set; }

    /// <summary>Images shown on the alert.</summary>
    [JsonPropertyName("images")]
    public IList<Image>? Images { get; set; }
}
