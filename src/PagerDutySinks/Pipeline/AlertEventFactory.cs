using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// Turns prepared sends into Events API v2 events, the one mapping both adapters share. Never throws: anything that
/// cannot be read degrades to a minimal valid event with the reason reported.
/// </summary>
internal sealed class AlertEventFactory
{
    /// <summary>Budget for a storm alert's member list, well inside PagerDuty's 512 KB per event.</summary>
    public const int MaxStormDetailsBytes = 400 * 1024;
    public const int MaxStackTraceLength = 16 * 1024;
    private const int MaxStormSummaryLength = 256;
    private const int MinMaskedValueLength = 3;

    private readonly EventFactorySettings _settings;
    private readonly CustomDetailsBuilder _details;

    public AlertEventFactory(EventFactorySettings settings, CustomDetailsBuilder details)
    {
        _settings = settings;
        _details = details;
    }

    /// <summary>Builds the event; <paramref name="degradedReason"/> says what had to be left out, if anything.</summary>
    public AlertEvent Build(PreparedSend send, out string? degradedReason)
    {
        degradedReason = null;
        try
        {
            if (send.Action != EventAction.Trigger)
            {
                return new AlertEvent { RoutingKey = _settings.RoutingKey, EventAction = send.Action, DedupKey = send.DedupKey };
            }

            return send.StormMembers is not null ? BuildStorm(send) : BuildTrigger(send, out degradedReason);
        }
#pragma warning disable CA1031 // whatever the candidate holds, an alert still goes out
        catch (Exception ex)
#pragma warning restore CA1031
        {
            degradedReason = "the event could not be built (" + ex.GetType().Name + ": " + SafeText.MessageOf(ex) + "); sent a minimal one";
            return Minimal(send);
        }
    }

    /// <summary>The summary: rendered message (redacted values masked), plus the exception's type and message.</summary>
    public string Summary(AlertCandidate candidate)
    {
        var message = MaskRedactedValues(Render(candidate), candidate);
        if (candidate.Exception is { } exception)
        {
            var text = exception.GetType().Name + ": " + SafeText.MessageOf(exception);
            message = string.IsNullOrWhiteSpace(message) ? text : message + " — " + text;
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            message = "(no message)";
        }

        return EventLimits.TruncateSummary(SafeText.Bound(message, 4 * EventLimits.MaxSummaryLength));
    }

    /// <summary>
    /// A redacted property's value must not reach PagerDuty through the rendered message either, so its text is masked
    /// there too. Very short values are left alone: masking every "1" would garble the message and protect nothing.
    /// </summary>
    private string MaskRedactedValues(string message, AlertCandidate candidate)
    {
        if (_settings.RedactedProperties.Count == 0 || candidate.Properties is not { } properties || message.Length == 0)
        {
            return message;
        }

        foreach (var property in properties)
        {
            if (property.Key is null || !_settings.RedactedProperties.Contains(property.Key))
            {
                continue;
            }

            var text = SpecialProperties.AsText(property.Value, _settings.Converter);
            if (text is { Length: >= MinMaskedValueLength } && message.Contains(text))
            {
                message = message.Replace(text, CustomDetailsBuilder.Redacted);
            }
        }

        return message;
    }

    private static string Render(AlertCandidate candidate)
    {
        if (candidate.RenderedMessage is { } rendered)
        {
            return rendered;
        }

        if (candidate.RenderMessage is { } render)
        {
            try
            {
                var text = render(candidate);
                if (text is not null)
                {
                    return text;
                }
            }
#pragma warning disable CA1031 // a renderer that throws falls back to the template
            catch (Exception)
#pragma warning restore CA1031
            {
                // Fall through to the template.
            }
        }

        return candidate.MessageTemplate ?? "";
    }

    private AlertEvent BuildTrigger(PreparedSend send, out string? degradedReason)
    {
        var candidate = send.Candidate!;
        var details = _details.Build(candidate.Properties, out degradedReason);
        if (candidate.MessageTemplate is { } template)
        {
            details["message_template"] = SafeText.Bound(template, CustomDetailsBuilder.MaxStringLength);
        }

        if (candidate.Exception is { } exception)
        {
            details["exception"] = new JsonObject
            {
                ["type"] = exception.GetType().FullName,
                ["message"] = SafeText.Bound(SafeText.MessageOf(exception), CustomDetailsBuilder.MaxStringLength),
                ["stack_trace"] = SafeText.StackTraceOf(exception) is { } trace ? SafeText.Bound(trace, MaxStackTraceLength) : null,
            };
        }

        if (send.Signature is { } signature)
        {
            details["fingerprint"] = SafeText.Bound(signature, CustomDetailsBuilder.MaxStringLength);
        }

        AddOccurrences(details, send);
        var alert = NewTrigger(send, Summary(candidate), candidate.Category, details);
        alert.Payload!.Timestamp = candidate.Timestamp == default ? null : candidate.Timestamp;
        alert.Payload.Class = candidate.Exception?.GetType().FullName;
        alert.Links = Links(candidate);
        if (_settings.Attachments is { } attachments)
        {
            attachments.Read(candidate, out var eventLinks, out var eventImages, out var group, out var problem);
            alert.Links = Merge(alert.Links, eventLinks, static link => link.Href);
            alert.Images = Merge(alert.Images, eventImages, static image => image.Src);
            if (group is not null)
            {
                alert.Payload.Group = group;
            }

            if (problem is not null)
            {
                degradedReason = degradedReason is null ? problem : degradedReason + "; " + problem;
            }
        }

        return alert;
    }

    private AlertEvent BuildStorm(PreparedSend send)
    {
        var members = send.StormMembers!;
        var details = new JsonObject
        {
            ["storm"] = true,
            ["distinct_problems"] = send.StormMemberCount,
            ["window"] = Describe(_settings.StormWindow),
        };
        var list = new JsonArray();
        var bytes = 0;
        var listed = 0;
        foreach (var member in members)
        {
            var entry = new JsonObject
            {
                ["dedup_key"] = member.DedupKey,
                ["summary"] = SafeText.Bound(Summary(member.Latest), MaxStormSummaryLength),
                ["count"] = member.Occurrences,
                ["first_seen"] = member.FirstSeen,
                ["last_seen"] = member.LastSeen,
            };
            bytes += SizeOf(entry) + 1;
            if (bytes > MaxStormDetailsBytes)
            {
                break;
            }

            list.Add((JsonNode)entry);
            listed++;
        }

        details["problems"] = list;
        if (send.StormMemberCount > listed)
        {
            details["problems_not_listed"] = send.StormMemberCount - listed;
        }

        AddOccurrences(details, send);
        var summary = "Alert storm: " + send.StormMemberCount.ToString(CultureInfo.InvariantCulture) + " distinct problems in " +
            Describe(_settings.StormWindow) + " on " + _settings.Source;
        var alert = NewTrigger(send, EventLimits.TruncateSummary(summary), null, details);
        alert.Payload!.Timestamp = send.LastSeen == default ? null : send.LastSeen;
        alert.Payload.Class = "alert storm";
        return alert;
    }

    private AlertEvent Minimal(PreparedSend send)
    {
        if (send.Action != EventAction.Trigger)
        {
            return new AlertEvent { RoutingKey = _settings.RoutingKey, EventAction = send.Action, DedupKey = send.DedupKey };
        }

        string summary;
        try
        {
            summary = send.Candidate?.MessageTemplate is { Length: > 0 } template ? SafeText.Bound(template, EventLimits.MaxSummaryLength) : "Log event (details unreadable)";
        }
#pragma warning disable CA1031 // last resort
        catch (Exception)
#pragma warning restore CA1031
        {
            summary = "Log event (details unreadable)";
        }

        var details = new JsonObject { ["degraded"] = true };
        AddOccurrences(details, send);
        return NewTrigger(send, summary, null, details);
    }

    private AlertEvent NewTrigger(PreparedSend send, string summary, string? component, JsonObject details)
    {
        if (send.DroppedEvents > 0)
        {
            details["dropped_events"] = send.DroppedEvents;
        }

        return new AlertEvent
        {
            RoutingKey = _settings.RoutingKey,
            EventAction = EventAction.Trigger,
            DedupKey = send.DedupKey,
            Client = _settings.ClientName,
            ClientUrl = _settings.ClientUrl,
            Images = _settings.Images.Count == 0 ? null : new List<Image>(_settings.Images),
            Payload = new AlertPayload
            {
                Summary = summary,
                Source = _settings.Source,
                Severity = send.Severity,
                Component = string.IsNullOrEmpty(component) ? null : component,
                Group = _settings.Group,
                CustomDetails = details,
            },
        };
    }

    private static void AddOccurrences(JsonObject details, PreparedSend send)
    {
        details["occurrences"] = send.Occurrences;
        if (send.FirstSeen != default)
        {
            details["first_seen"] = send.FirstSeen;
        }

        if (send.LastSeen != default)
        {
            details["last_seen"] = send.LastSeen;
        }
    }

    private List<Link>? Links(AlertCandidate candidate)
    {
        if (_settings.Links.Count == 0)
        {
            return null;
        }

        var links = new List<Link>(_settings.Links.Count);
        foreach (var link in _settings.Links)
        {
            links.Add(new Link { Href = LinkTemplate.Fill(link.Href, candidate, _settings.Converter), Text = link.Text });
        }

        return links;
    }

    /// <summary>The event's own entries go after the configured ones; an address already present is not repeated.</summary>
    private static IList<T>? Merge<T>(IList<T>? configured, List<T>? own, Func<T, string> address)
    {
        if (own is null || own.Count == 0)
        {
            return configured;
        }

        var merged = configured ?? new List<T>(own.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in merged)
        {
            seen.Add(address(item));
        }

        foreach (var item in own)
        {
            if (seen.Add(address(item)))
            {
                merged.Add(item);
            }
        }

        return merged;
    }

    private static int SizeOf(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            node.WriteTo(writer);
        }

        return (int)stream.Length;
    }

    /// <summary>A short human form of a window: "1 min", "30 s", "2 h".</summary>
    public static string Describe(TimeSpan window)
    {
        if (window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours))
        {
            return window.TotalHours.ToString(CultureInfo.InvariantCulture) + " h";
        }

        if (window.TotalMinutes >= 1 && window.TotalMinutes == Math.Floor(window.TotalMinutes))
        {
            return window.TotalMinutes.ToString(CultureInfo.InvariantCulture) + " min";
        }

        return window.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
    }
}
