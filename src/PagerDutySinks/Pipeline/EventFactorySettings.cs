using System;
using System.Collections.Generic;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>What every event shares, copied from the options once.</summary>
internal sealed class EventFactorySettings
{
    public string RoutingKey { get; init; } = "";

    public string Source { get; init; } = "";

    public string? Group { get; init; }

    public string? ClientName { get; init; }

    public string? ClientUrl { get; init; }

    public IReadOnlyList<Link> Links { get; init; } = Array.Empty<Link>();

    public IReadOnlyList<Image> Images { get; init; } = Array.Empty<Image>();

    /// <summary>Reads the event's own links, images and group; none when not set.</summary>
    public EventAttachments? Attachments { get; init; }

    public IDetailsValueConverter? Converter { get; init; }

    /// <summary>Property names whose values are masked, in the summary as well as in <c>custom_details</c>.</summary>
    public ISet<string> RedactedProperties { get; init; } = new HashSet<string>();

    public TimeSpan StormWindow { get; init; } = TimeSpan.FromMinutes(1);
}
