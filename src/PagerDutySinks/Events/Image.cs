using System.Text.Json.Serialization;

namespace PagerDutySinks.Events;

/// <summary>An image shown on the alert and its incident (<c>images[]</c>).</summary>
public sealed class Image
{
    /// <summary>The image URL. Required, and PagerDuty only shows images served over https.</summary>
    [JsonPropertyName("src")]
    public string Src { get; set; } = "";

    /// <summary>Optional link opened when the image is clicked.</summary>
    [JsonPropertyName("href")]
    public string? Href { get; set; }

    /// <summary>Optional alternative text.</summary>
    [JsonPropertyName("alt")]
    public string? Alt { get; set; }
}
