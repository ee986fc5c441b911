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

    public IDetailsValueConverter? Converter { get; init; }

    public TimeSpan StormWindow { get; init; } = TimeSpan.FromMinutes(1);
}
