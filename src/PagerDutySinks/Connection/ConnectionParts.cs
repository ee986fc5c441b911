using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using PagerDutySinks.Events;

namespace PagerDutySinks;

/// <summary>The validated pieces of a connection URL, gathered by <see cref="ConnectionUrlParser"/>.</summary>
internal sealed class ConnectionParts
{
    public string Host { get; set; } = PagerDutyConnection.DefaultHost;

    public int Port { get; set; } = 443;

    public PagerDutyEndpoint Endpoint { get; set; } = PagerDutyEndpoint.UnitedStates;

    public string RoutingKey { get; set; } = "";

    public Severity Severity { get; set; } = Severity.Error;

    public string? Source { get; set; }

    public EventAction Action { get; set; } = EventAction.Trigger;

    public string? DedupKey { get; set; }

    public JsonObject? Details { get; set; }

    public IReadOnlyList<Link> Links { get; set; } = Array.Empty<Link>();

    public IReadOnlyList<Image> Images { get; set; } = Array.Empty<Image>();

    public string? Client { get; set; }

    public string? ClientUrl { get; set; }
}
