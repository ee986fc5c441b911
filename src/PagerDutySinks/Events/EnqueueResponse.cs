using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PagerDutySinks.Events;

/// <summary>PagerDuty's answer to an enqueue request: <c>{status, message, dedup_key}</c> or <c>{status, message, errors[]}</c>.</summary>
public sealed class EnqueueResponse
{
    /// <summary><c>success</c>, or a short error name.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>A description, e.g. <c>Event processed</c>.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>The dedup key of the alert the event was applied to (alert events only).</summary>
    [JsonPropertyName("dedup_key")]
    public string? DedupKey { get; set; }

    /// <summary>Specific reasons a request was rejected.</summary>
    [JsonPropertyName("errors")]
    public IList<string>? Errors { get; set; }
}
