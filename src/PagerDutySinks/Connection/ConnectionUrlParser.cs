using System;
using System.Collections.Generic;
using PagerDutySinks.Events;
using PagerDutySinks.Connection;

namespace PagerDutySinks;

/// <summary>
/// Reads <c>pagerduty://[host[:port]]/integration-key[?query]</c>. Written by hand rather than through <see cref="Uri"/>,
/// which lower-cases hosts, treats unknown schemes inconsistently and would echo the whole URL (key included) in its errors.
/// </summary>
internal static class ConnectionUrlParser
{
    private const string Prefix = PagerDutyConnection.Scheme + "://";

    public static bool TryParse(string? url, out ConnectionParts? parts, out string? error)
    {
        parts = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            error = "the connection URL is empty; expected pagerduty://[host[:port]]/KEY.";
            return false;
        }

        var text = url!.Trim();
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            error = "scheme: the connection URL must start with pagerduty://.";
            return false;
        }

        text = text.Substring(Prefix.Length);
        if (text.Contains('#'))
        {
            error = "fragment: the URL contains '#'; write it as %23 inside values.";
            return false;
        }

        var question = text.IndexOf('?');
        var query = question < 0 ? "" : text.Substring(question + 1);
        var beforeQuery = question < 0 ? text : text.Substring(0, question);
        var slash = beforeQuery.IndexOf('/');
        var authority = slash < 0 ? beforeQuery : beforeQuery.Substring(0, slash);
        var path = slash < 0 ? "" : beforeQuery.Substring(slash + 1);

        var result = new ConnectionParts();
        if (!ConnectionHost.TryParse(authority, out var host, out var port, out error) ||
            !TryReadKey(path, authority, out var key, out error) ||
            !TryMakeEndpoint(host, port, out var endpoint, out error))
        {
            return false;
        }

        result.Host = host;
        result.Port = port;
        result.Endpoint = endpoint!;
        result.RoutingKey = key!;
        if (!ConnectionQuery.TryApply(query, result, out error))
        {
            return false;
        }

        parts = result;
        return true;
    }

    private static bool TryReadKey(string path, string authority, out string? key, out string? error)
    {
        key = null;
        if (path.EndsWith('/'))
        {
            path = path.Substring(0, path.Length - 1);
        }

        if (path.Length == 0)
        {
            // pagerduty://KEY puts the key where the host goes; say so without echoing it.
            var hint = authority.Length == EventLimits.RoutingKeyLength && !authority.Contains('.')
                ? " It looks like the key was written as the host: use pagerduty:///KEY (three slashes) for the default host."
                : "";
            error = "integration key: missing from the path; expected pagerduty:///KEY (default host) or pagerduty://host[:port]/KEY." + hint;
            return false;
        }

        if (path.Contains('/'))
        {
            error = "integration key: the path must be the key alone, but it has more than one segment.";
            return false;
        }

        key = Uri.UnescapeDataString(path);
        if (!RoutingKey.IsValid(key, out var problem))
        {
            key = null;
            error = "integration key: " + problem;
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryMakeEndpoint(string host, int port, out PagerDutyEndpoint? endpoint, out string? error)
    {
        error = null;
        var loopback = ConnectionHost.IsLoopback(host);
        if (!loopback && port == 443)
        {
            if (host == PagerDutyConnection.DefaultHost)
            {
                endpoint = PagerDutyEndpoint.UnitedStates;
                return true;
            }

            if (string.Equals(PagerDutyEndpoint.Europe.BaseAddress.Host, host, StringComparison.Ordinal))
            {
                endpoint = PagerDutyEndpoint.Europe;
                return true;
            }
        }

        var scheme = loopback ? "http" : "https";
        var portPart = port == ConnectionHost.DefaultPort(host) ? "" : ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            endpoint = PagerDutyEndpoint.Custom(new Uri(scheme + "://" + ConnectionHost.ForUrl(host) + portPart + "/"));
            return true;
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            endpoint = null;
            error = "host: " + e.Message;
            return false;
        }
    }

    /// <summary>Query values: <c>+</c> and <c>%20</c> are spaces, as in HTML forms.</summary>
    internal static string DecodeQueryPart(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    internal static string Shorten(string text) => text.Length <= 40 ? text : text.Remove(40) + "…";

    internal static readonly IReadOnlyList<string> KnownParameters = new[]
    {
        "severity", "source", "action", "dedup_key", "details", "contexts", "client", "client_url",
    };
}
