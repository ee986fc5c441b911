using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using PagerDutySinks.Events;
using PagerDutySinks.Connection;

namespace PagerDutySinks;

/// <summary>
/// The <c>contexts</c> parameter: links and images, as a JSON array
/// (<c>[{"type":"link","href":..,"text":..},{"type":"image","src":..,"href":..,"alt":..}]</c>) or the short comma form
/// <c>link:URL,image:URL</c> (for URLs without commas).
/// </summary>
internal static class ConnectionContexts
{
    public static bool TryParse(string value, out IReadOnlyList<Link> links, out IReadOnlyList<Image> images, out string? error)
    {
        var linkList = new List<Link>();
        var imageList = new List<Image>();
        links = linkList;
        images = imageList;
        var ok = value.TrimStart().StartsWith('[')
            ? TryParseJson(value, linkList, imageList, out error)
            : TryParseCommaForm(value, linkList, imageList, out error);
        return ok;
    }

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsHttpsUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static bool TryParseCommaForm(string value, List<Link> links, List<Image> images, out string? error)
    {
        var items = value.Split(',');
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i].Trim();
            var where = "contexts item " + (i + 1);
            var colon = item.IndexOf(':');
            if (colon <= 0)
            {
                error = where + ": expected link:URL or image:URL.";
                return false;
            }

            var type = item.Substring(0, colon).Trim();
            var url = item.Substring(colon + 1).Trim();
            if (!TryAdd(where, type, href: type.Equals("link", StringComparison.OrdinalIgnoreCase) ? url : null,
                    src: type.Equals("image", StringComparison.OrdinalIgnoreCase) ? url : null, text: null, alt: null, links, images, out error))
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool TryParseJson(string value, List<Link> links, List<Image> images, out string? error)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(value);
        }
        catch (JsonException e)
        {
            error = "contexts: not valid JSON (" + e.Message + ").";
            return false;
        }

        if (node is not JsonArray array)
        {
            error = "contexts: must be a JSON array of {\"type\":\"link\"|\"image\",...} objects.";
            return false;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var where = "contexts[" + i + "]";
            if (array[i] is not JsonObject item)
            {
                error = where + ": must be a JSON object, not " + ConnectionQuery.Describe(array[i]) + ".";
                return false;
            }

            if (!TryGetString(item, "type", where, out var type, out error) ||
                !TryGetString(item, "href", where, out var href, out error) ||
                !TryGetString(item, "src", where, out var src, out error) ||
                !TryGetString(item, "text", where, out var text, out error) ||
                !TryGetString(item, "alt", where, out var alt, out error))
            {
                return false;
            }

            if (type is null)
            {
                error = where + ": the \"type\" property (link or image) is missing.";
                return false;
            }

            if (!TryAdd(where, type, href, src, text, alt, links, images, out error))
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool TryGetString(JsonObject item, string name, string where, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!item.TryGetPropertyValue(name, out var node) || node is null)
        {
            return true;
        }

        if (node is JsonValue scalar && scalar.TryGetValue<string>(out var text))
        {
            value = text;
            return true;
        }

        error = where + ": \"" + name + "\" must be a string.";
        return false;
    }

    private static bool TryAdd(string where, string type, string? href, string? src, string? text, string? alt,
        List<Link> links, List<Image> images, out string? error)
    {
        error = null;
        if (type.Equals("link", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(href))
            {
                error = where + ": a link needs an href.";
                return false;
            }

            if (!IsHttpUrl(href))
            {
                error = where + ": the link href is not an absolute http or https URL.";
                return false;
            }

            links.Add(new Link { Href = href!, Text = text });
            return true;
        }

        if (type.Equals("image", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(src))
            {
                error = where + ": an image needs a src.";
                return false;
            }

            if (!IsHttpsUrl(src))
            {
                // PagerDuty only shows images served over https.
                error = where + ": the image src must be an absolute https URL.";
                return false;
            }

            if (href is not null && !IsHttpUrl(href))
            {
                error = where + ": the image href is not an absolute http or https URL.";
                return false;
            }

            images.Add(new Image { Src = src!, Href = href, Alt = alt });
            return true;
        }

        error = where + ": unknown type '" + ConnectionUrlParser.Shorten(type) + "' (expected link or image).";
        return false;
    }

    /// <summary>The <c>contexts</c> value for a URL: the comma form when it says everything, else JSON.</summary>
    public static string? Format(IReadOnlyList<Link> links, IReadOnlyList<Image> images)
    {
        if (links.Count == 0 && images.Count == 0)
        {
            return null;
        }

        var simple = true;
        foreach (var link in links)
        {
            simple &= link.Text is null && !link.Href.Contains(',');
        }

        foreach (var image in images)
        {
            simple &= image.Href is null && image.Alt is null && !image.Src.Contains(',');
        }

        if (simple)
        {
            var items = new List<string>();
            foreach (var link in links)
            {
                items.Add("link:" + link.Href);
            }

            foreach (var image in images)
            {
                items.Add("image:" + image.Src);
            }

            return string.Join(",", items);
        }

        var array = new JsonArray();
        foreach (var link in links)
        {
            var item = new JsonObject { ["type"] = "link", ["href"] = link.Href };
            if (link.Text is not null)
            {
                item["text"] = link.Text;
            }

            array.Add((JsonNode)item);
        }

        foreach (var image in images)
        {
            var item = new JsonObject { ["type"] = "image", ["src"] = image.Src };
            if (image.Href is not null)
            {
                item["href"] = image.Href;
            }

            if (image.Alt is not null)
            {
                item["alt"] = image.Alt;
            }

            array.Add((JsonNode)item);
        }

        return array.ToJsonString();
    }
}
