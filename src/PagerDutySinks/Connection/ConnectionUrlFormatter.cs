using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PagerDutySinks.Events;

namespace PagerDutySinks;

/// <summary>Writes a connection back as a URL, listing only the parameters that differ from the defaults.</summary>
internal static class ConnectionUrlFormatter
{
    public static string Format(PagerDutyConnection connection, bool includeKey, JsonObject? details)
    {
        var url = new StringBuilder(PagerDutyConnection.Scheme).Append("://").Append(ConnectionHost.ForUrl(connection.Host));
        if (connection.Port != ConnectionHost.DefaultPort(connection.Host))
        {
            url.Append(':').Append(connection.Port.ToString(CultureInfo.InvariantCulture));
        }

        url.Append('/').Append(includeKey ? Uri.EscapeDataString(connection.RoutingKey) : RoutingKey.Mask(connection.RoutingKey));

        var query = new List<KeyValuePair<string, string>>();
        if (connection.Severity != Severity.Error)
        {
            query.Add(new("severity", connection.Severity.ToWire()));
        }

        if (connection.IsSourceSpecified)
        {
            query.Add(new("source", connection.Source));
        }

        if (connection.Action != EventAction.Trigger)
        {
            query.Add(new("action", connection.Action.ToWire()));
        }

        AddIfSet(query, "dedup_key", connection.DedupKey);
        AddIfSet(query, "details", details?.ToJsonString());
        AddIfSet(query, "contexts", ConnectionContexts.Format(connection.Links, connection.Images));
        AddIfSet(query, "client", connection.Client);
        AddIfSet(query, "client_url", connection.ClientUrl);

        for (var i = 0; i < query.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&').Append(query[i].Key).Append('=').Append(Uri.EscapeDataString(query[i].Value));
        }

        return url.ToString();
    }

    private static void AddIfSet(List<KeyValuePair<string, string>> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(new(name, value));
        }
    }
}
