using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PagerDutySinks.Events;

namespace PagerDutySinks.Cli.Commands;

/// <summary>Reads event option values (severity, details, links, images) with messages naming the option at fault.</summary>
internal static class EventOptions
{
    public static Severity? ReadSeverity(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return WireNames.TryParseSeverity(value, out var severity)
            ? severity
            : throw new CliInputException("--severity: '" + value + "' is not one of critical, error, warning, info.");
    }

    public static EventAction? ReadAction(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return WireNames.TryParseAction(value, out var action)
            ? action
            : throw new CliInputException("--action: '" + value + "' is not one of trigger, acknowledge, resolve.");
    }

    /// <summary>The URL's details with the option's keys laid over them (the option wins).</summary>
    public static JsonObject? MergeDetails(JsonObject? fromUrl, string? option)
    {
        if (option is null)
        {
            return fromUrl;
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(option);
        }
        catch (JsonException e)
        {
            throw new CliInputException("--details: not valid JSON (" + e.Message + ").", e);
        }

        if (parsed is not JsonObject details)
        {
            throw new CliInputException("--details: must be a JSON object such as {\"service\":\"web\"}.");
        }

        var merged = fromUrl ?? new JsonObject();
        foreach (var property in details.ToArray())
        {
            details.Remove(property.Key);
            merged[property.Key] = property.Value;
        }

        return merged;
    }

    /// <summary>
    /// <c>URL</c> or <c>URL=TEXT</c>. The text starts at the first <c>=</c> before any <c>?</c>, so a URL with a query string
    /// (whose <c>=</c> belong to it) is taken whole, without text.
    /// </summary>
    public static Link ReadLink(string value)
    {
        var question = value.IndexOf('?', StringComparison.Ordinal);
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var split = equals > 0 && (question < 0 || equals < question);
        var href = split ? value[..equals] : value;
        var text = split ? value[(equals + 1)..] : null;
        if (!IsAbsolute(href, "http", "https"))
        {
            throw new CliInputException("--link: '" + href + "' is not an absolute http or https URL.");
        }

        return new Link { Href = href, Text = string.IsNullOrEmpty(text) ? null : text };
    }

    public static Image ReadImage(string value) =>
        IsAbsolute(value, "https")
            ? new Image { Src = value }
            : throw new CliInputException("--image: '" + value + "' is not an absolute https URL (PagerDuty only shows https images).");

    public static void AddLinks(IList<Link> target, IEnumerable<string>? values)
    {
        foreach (var value in values ?? Array.Empty<string>())
        {
            target.Add(ReadLink(value));
        }
    }

    public static void AddImages(IList<Image> target, IEnumerable<string>? values)
    {
        foreach (var value in values ?? Array.Empty<string>())
        {
            target.Add(ReadImage(value));
        }
    }

    private static bool IsAbsolute(string value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && Array.IndexOf(schemes, uri.Scheme) >= 0;
}
