using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// Reads per-event links, images and group from the candidate's special properties. Values go through the same JSON
/// conversion as <c>custom_details</c>, so adapter values (Serilog sequences and structures) and plain .NET arrays,
/// dictionaries and strings all read alike. Never throws: unusable entries are skipped and described.
/// </summary>
internal sealed class EventAttachments
{
    private readonly string _linksName;
    private readonly string _imagesName;
    private readonly string _groupName;
    private readonly CustomDetailsBuilder _converter;
    private readonly IDetailsValueConverter? _adapterConverter;

    public EventAttachments(string linksName, string imagesName, string groupName, CustomDetailsBuilder converter, IDetailsValueConverter? adapterConverter)
    {
        _linksName = linksName;
        _imagesName = imagesName;
        _groupName = groupName;
        _converter = converter;
        _adapterConverter = adapterConverter;
    }

    /// <summary>The names these properties go by, left out of <c>custom_details</c>.</summary>
    public IEnumerable<string> PropertyNames => new[] { _linksName, _imagesName, _groupName };

    /// <summary>Finds the event's own links, images and group; <paramref name="problem"/> says what was skipped.</summary>
    public void Read(AlertCandidate candidate, out List<Link>? links, out List<Image>? images, out string? group, out string? problem)
    {
        links = null;
        images = null;
        group = null;
        problem = null;
        if (candidate.Properties is not { } properties)
        {
            return;
        }

        try
        {
            for (var i = 0; i < properties.Count; i++)
            {
                var pair = properties[i];
                if (links is null && string.Equals(pair.Key, _linksName, StringComparison.Ordinal))
                {
                    links = ReadLinks(_converter.ConvertValue(pair.Value), ref problem);
                }
                else if (images is null && string.Equals(pair.Key, _imagesName, StringComparison.Ordinal))
                {
                    images = ReadImages(_converter.ConvertValue(pair.Value), ref problem);
                }
                else if (group is null && string.Equals(pair.Key, _groupName, StringComparison.Ordinal))
                {
                    var text = SpecialProperties.AsText(pair.Value, _adapterConverter);
                    group = string.IsNullOrWhiteSpace(text) ? null : SafeText.Bound(text!.Trim(), CustomDetailsBuilder.MaxStringLength);
                }
            }
        }
#pragma warning disable CA1031 // an unreadable property list means no per-event attachments; the event still pages
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problem = Append(problem, "per-event links/images could not be read: " + ex.GetType().Name);
        }
    }

    private static List<Link> ReadLinks(JsonNode? node, ref string? problem)
    {
        var links = new List<Link>();
        foreach (var entry in Entries(node))
        {
            string? href;
            string? text = null;
            if (entry is JsonObject obj)
            {
                href = Member(obj, "href", "Href");
                text = Member(obj, "text", "Text");
            }
            else
            {
                href = StringOf(entry);
            }

            if (IsAbsoluteWebUrl(href, httpsOnly: false))
            {
                links.Add(new Link { Href = href!, Text = text });
            }
            else
            {
                problem = Append(problem, "skipped a per-event link that is not an absolute http(s) URL");
            }
        }

        return links;
    }

    private static List<Image> ReadImages(JsonNode? node, ref string? problem)
    {
        var images = new List<Image>();
        foreach (var entry in Entries(node))
        {
            string? src;
            string? href = null;
            string? alt = null;
            if (entry is JsonObject obj)
            {
                src = Member(obj, "src", "Src");
                href = Member(obj, "href", "Href");
                alt = Member(obj, "alt", "Alt");
            }
            else
            {
                src = StringOf(entry);
            }

            if (!IsAbsoluteWebUrl(src, httpsOnly: true))
            {
                problem = Append(problem, "skipped a per-event image whose src is not an absolute https URL");
                continue;
            }

            if (href is not null && !IsAbsoluteWebUrl(href, httpsOnly: false))
            {
                problem = Append(problem, "dropped a per-event image href that is not an absolute http(s) URL");
                href = null;
            }

            images.Add(new Image { Src = src!, Href = href, Alt = alt });
        }

        return images;
    }

    /// <summary>A single value counts as a one-entry list.</summary>
    private static IEnumerable<JsonNode?> Entries(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                yield return item;
            }
        }
        else if (node is not null)
        {
            yield return node;
        }
    }

    private static string? Member(JsonObject obj, string name, string alternative) =>
        StringOf(obj.TryGetPropertyValue(name, out var value) ? value : obj.TryGetPropertyValue(alternative, out value) ? value : null);

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Trim() : null;

    private static bool IsAbsoluteWebUrl(string? text, bool httpsOnly) =>
        text is not null
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp));

    private static string Append(string? problem, string more) =>
        problem is null ? more : problem.Contains(more) ? problem : problem + "; " + more;
}
