using System.Text.Json.Serialization;

namespace PagerDutySinks.Events;

/// <summary>A link shown on the alert and its incident (<c>links[]</c>).</summary>
public sealed class Link
{
    /// <summary>The URL of the link. Required.</summary>
    [JsonPropertyName("href")]
    public string Href { get; set; } = "";

    /// <summary>Optional text shown for the link.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }
}
