using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using PagerDutySinks.Events;

namespace PagerDutySinks;

/// <summary>The query of a connection URL: event defaults, one parameter each, names case-insensitive.</summary>
internal static class ConnectionQuery
{
    public static bool TryApply(string query, ConnectionParts parts, out string? error)
    {
        error = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in query.Split('&'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            var equals = segment.IndexOf('=');
            var rawName = ConnectionUrlParser.DecodeQueryPart(equals < 0 ? segment : segment.Substring(0, equals));
            var value = equals < 0 ? "" : ConnectionUrlParser.DecodeQueryPart(segment.Substring(equals + 1));
            var name = Canonical(rawName);
            if (name is null)
            {
                error = "query: unknown parameter '" + ConnectionUrlParser.Shorten(rawName) + "'; known parameters are " +
                        string.Join(", ", ConnectionUrlParser.KnownParameters) + ".";
                return false;
            }

            if (!seen.Add(name))
            {
                error = name + ": the parameter is given more than once.";
                return false;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                error = name + ": the parameter has no value.";
                return false;
            }

            if (!TryApplyOne(name, value, parts, out error))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Canonical(string name)
    {
        foreach (var known in ConnectionUrlParser.KnownParameters)
        {
            if (string.Equals(known, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }

    private static bool TryApplyOne(string name, string value, ConnectionParts parts, out string? error)
    {
        error = null;
        switch (name)
        {
            case "severity":
                if (!WireNames.TryParseSeverity(value, out var severity))
                {
                    error = "severity: '" + ConnectionUrlParser.Shorten(value) + "' is not one of critical, error, warning, info.";
                    return false;
                }

                parts.Severity = severity;
                return true;
            case "action":
                if (!WireNames.TryParseAction(value, out var action))
                {
                    error = "action: '" + ConnectionUrlParser.Shorten(value) + "' is not one of trigger, acknowledge, resolve.";
                    return false;
                }

                parts.Action = action;
                return true;
            case "source":
                parts.Source = value;
                return true;
            case "dedup_key":
                if (value.Length > EventLimits.MaxDedupKeyLength)
                {
                    error = "dedup_key: longer than " + EventLimits.MaxDedupKeyLength + " characters.";
                    return false;
                }

                parts.DedupKey = value;
                return true;
            case "details":
                return TryParseDetails(value, parts, out error);
            case "contexts":
                if (!ConnectionContexts.TryParse(value, out var links, out var images, out error))
                {
                    return false;
                }

                parts.Links = links;
                parts.Images = images;
                return true;
            case "client":
                parts.Client = value;
                return true;
            case "client_url":
                if (!ConnectionContexts.IsHttpUrl(value))
                {
                    error = "client_url: not an absolute http or https URL.";
                    return false;
                }

                parts.ClientUrl = value;
                return true;
            default:
                error = name + ": not supported.";
                return false;
        }
    }

    private static bool TryParseDetails(string value, ConnectionParts parts, out string? error)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(value);
        }
        catch (JsonException e)
        {
            error = "details: not valid JSON (" + e.Message + ").";
            return false;
        }

        if (node is not JsonObject details)
        {
            error = "details: must be a JSON object such as {\"service\":\"web\"}, not " + Describe(node) + ".";
            return false;
        }

        parts.Details = details;
        error = null;
        return true;
    }

    internal static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
    };
}
