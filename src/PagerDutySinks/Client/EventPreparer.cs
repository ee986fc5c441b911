using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using PagerDutySinks.Events;

namespace PagerDutySinks.Client;

/// <summary>
/// Checks an event, bounds it to PagerDuty's limits and serializes it. The caller's objects are never changed.
/// Acknowledge and resolve events carry only the routing key, the action and the dedup key.
/// </summary>
internal static class EventPreparer
{
    // Free-text fields are cut to this when an event still does not fit after custom_details, links and images went.
    private const int LastResortFieldLength = 1024;

    /// <summary>Prepares an alert event.</summary>
    /// <exception cref="ArgumentException">The event is invalid.</exception>
    public static PreparedEvent PrepareAlert(AlertEvent alertEvent, int maxBytes = EventLimits.MaxEventBytes)
    {
        Guard.NotNull(alertEvent, nameof(alertEvent));
        RoutingKey.Validate(alertEvent.RoutingKey, "routing_key");
        if (alertEvent.EventAction is < EventAction.Trigger or > EventAction.Resolve)
        {
            throw new ArgumentException($"event_action {(int)alertEvent.EventAction} is not trigger, acknowledge or resolve.", nameof(alertEvent));
        }

        var dedupKey = string.IsNullOrEmpty(alertEvent.DedupKey) ? null : EventLimits.BoundDedupKey(alertEvent.DedupKey!);
        var wire = alertEvent.EventAction == EventAction.Trigger
            ? PrepareTrigger(alertEvent, dedupKey)
            : PrepareUpdate(alertEvent, dedupKey);

        var body = Fit(wire, PagerDutyJsonContext.Default.AlertEvent, maxBytes, new AlertShape(), out var reduction);
        return new PreparedEvent(body, alertEvent.RoutingKey, dedupKey, isChangeEvent: false, reduction);
    }

    /// <summary>Prepares a change event.</summary>
    /// <exception cref="ArgumentException">The event is invalid.</exception>
    public static PreparedEvent PrepareChange(ChangeEvent changeEvent, int maxBytes = EventLimits.MaxEventBytes)
    {
        Guard.NotNull(changeEvent, nameof(changeEvent));
        RoutingKey.Validate(changeEvent.RoutingKey, "routing_key");
        var payload = changeEvent.Payload ?? throw new ArgumentException("A change event needs a payload with a summary.", nameof(changeEvent));
        RequireText(payload.Summary, "payload.summary", "A change event needs payload.summary: a brief description of the change.", nameof(changeEvent));
        ValidateLinks(changeEvent.Links, nameof(changeEvent));
        ValidateImages(changeEvent.Images, nameof(changeEvent));

        var wire = new ChangeEvent
        {
            RoutingKey = changeEvent.RoutingKey,
            Payload = new ChangeEventPayload
            {
                Summary = EventLimits.TruncateSummary(payload.Summary),
                Timestamp = payload.Timestamp,
                Source = payload.Source,
                CustomDetails = payload.CustomDetails,
            },
            Links = changeEvent.Links?.ToList(),
            Images = changeEvent.Images?.ToList(),
        };

        var body = Fit(wire, PagerDutyJsonContext.Default.ChangeEvent, maxBytes, new ChangeShape(), out var reduction);
        return new PreparedEvent(body, changeEvent.RoutingKey, dedupKey: null, isChangeEvent: true, reduction);
    }

    private static AlertEvent PrepareTrigger(AlertEvent source, string? dedupKey)
    {
        var payload = source.Payload ?? throw new ArgumentException(
            "A trigger event needs a payload with summary, source and severity.", nameof(source));
        RequireText(payload.Summary, "payload.summary", "A trigger event needs payload.summary: a brief description of the problem.", nameof(source));
        RequireText(payload.Source, "payload.source", "A trigger event needs payload.source: the affected system, preferably a host name.", nameof(source));
        if (payload.Severity is < Severity.Info or > Severity.Critical)
        {
            throw new ArgumentException($"payload.severity {(int)payload.Severity} is not critical, error, warning or info.", nameof(source));
        }

        if (source.ClientUrl is { Length: > 0 } clientUrl && !IsAbsoluteWebUrl(clientUrl))
        {
            throw new ArgumentException($"client_url '{Shorten(clientUrl)}' must be an absolute http(s) URL.", nameof(source));
        }

        ValidateLinks(source.Links, nameof(source));
        ValidateImages(source.Images, nameof(source));

        return new AlertEvent
        {
            RoutingKey = source.RoutingKey,
            EventAction = EventAction.Trigger,
            DedupKey = dedupKey,
            Payload = new AlertPayload
            {
                Summary = EventLimits.TruncateSummary(payload.Summary),
                Source = payload.Source,
                Severity = payload.Severity,
                Timestamp = payload.Timestamp,
                Component = payload.Component,
                Group = payload.Group,
                Class = payload.Class,
                CustomDetails = payload.CustomDetails,
            },
            Client = source.Client,
            ClientUrl = string.IsNullOrEmpty(source.ClientUrl) ? null : source.ClientUrl,
            Links = source.Links?.ToList(),
            Images = source.Images?.ToList(),
        };
    }

    private static AlertEvent PrepareUpdate(AlertEvent source, string? dedupKey)
    {
        if (dedupKey is null || string.IsNullOrWhiteSpace(dedupKey))
        {
            throw new ArgumentException(
                $"acknowledge and resolve need a dedup_key: set DedupKey to the key of the alert to {source.EventAction.ToWire()} " +
                "(the dedup_key sent with, or returned for, its trigger).", nameof(source));
        }

        return new AlertEvent { RoutingKey = source.RoutingKey, EventAction = source.EventAction, DedupKey = dedupKey };
    }

    private static void RequireText(string? value, string field, string message, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(message + $" ({field} is empty)", paramName);
        }
    }

    private static void ValidateLinks(IList<Link>? links, string paramName)
    {
        for (var i = 0; links is not null && i < links.Count; i++)
        {
            var link = links[i] ?? throw new ArgumentException($"links[{i}] is null.", paramName);
            if (!IsAbsoluteWebUrl(link.Href))
            {
                throw new ArgumentException($"links[{i}].href '{Shorten(link.Href)}' must be an absolute http(s) URL.", paramName);
            }
        }
    }

    private static void ValidateImages(IList<Image>? images, string paramName)
    {
        for (var i = 0; images is not null && i < images.Count; i++)
        {
            var image = images[i] ?? throw new ArgumentException($"images[{i}] is null.", paramName);
            if (!Uri.TryCreate(image.Src, UriKind.Absolute, out var src) || src.Scheme != Uri.UriSchemeHttps)
            {
                throw new ArgumentException(
                    $"images[{i}].src '{Shorten(image.Src)}' must be an absolute https URL; PagerDuty only shows images served over https.", paramName);
            }

            if (!string.IsNullOrEmpty(image.Href) && !IsAbsoluteWebUrl(image.Href))
            {
                throw new ArgumentException($"images[{i}].href '{Shorten(image.Href!)}' must be an absolute http(s) URL.", paramName);
            }
        }
    }

    private static bool IsAbsoluteWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Shorten(string? text) => text is null ? "" : EventLimits.Truncate(text, 100);

    /// <summary>
    /// Serializes <paramref name="wire"/>, shrinking it step by step until it fits: custom_details first, then links and
    /// images, then free-text fields. Each step is recorded in custom_details["_truncated"].
    /// </summary>
    private static byte[] Fit<T>(T wire, JsonTypeInfo<T> typeInfo, int maxBytes, IEventShape<T> shape, out string? reduction)
    {
        reduction = null;
        var body = JsonSerializer.SerializeToUtf8Bytes(wire, typeInfo);
        var limitName = maxBytes == EventLimits.MaxEventBytes ? "512 KB" : maxBytes.ToString(CultureInfo.InvariantCulture) + " bytes";
        var originalBytes = body.Length;

        // Escaping can make the estimate short by a little, so a few rounds may be needed.
        for (var round = 0; round < 3 && body.Length > maxBytes && shape.GetDetails(wire) is { Count: > 0 } details; round++)
        {
            var overflow = body.Length - maxBytes;
            shape.SetDetails(wire, CustomDetailsShrinker.Shrink(details, overflow << round, limitName));
            body = JsonSerializer.SerializeToUtf8Bytes(wire, typeInfo);
        }

        if (body.Length > maxBytes && shape.GetDetails(wire) is { } remaining)
        {
            shape.SetDetails(wire, new JsonObject { [CustomDetailsShrinker.NoteName] = NoteText(remaining) + "; custom_details removed" });
            body = JsonSerializer.SerializeToUtf8Bytes(wire, typeInfo);
        }

        if (body.Length > maxBytes && shape.DropLinksAndImages(wire))
        {
            AppendNote(wire, shape, "links and images removed");
            body = JsonSerializer.SerializeToUtf8Bytes(wire, typeInfo);
        }

        if (body.Length > maxBytes)
        {
            shape.TruncateFreeText(wire, LastResortFieldLength);
            AppendNote(wire, shape, string.Format(CultureInfo.InvariantCulture, "text fields cut to {0} characters", LastResortFieldLength));
            body = JsonSerializer.SerializeToUtf8Bytes(wire, typeInfo);
        }

        if (body.Length > maxBytes)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                "The event is {0} bytes and could not be reduced below PagerDuty's {1} limit.", body.Length, limitName));
        }

        if (body.Length != originalBytes)
        {
            reduction = string.Format(CultureInfo.InvariantCulture, "event reduced from {0} to {1} bytes to fit PagerDuty's {2} limit", originalBytes, body.Length, limitName);
        }

        return body;
    }

    private static string NoteText(JsonObject details) =>
        details[CustomDetailsShrinker.NoteName] is JsonValue note && note.TryGetValue<string>(out var text) ? text : "custom_details too large";

    private static void AppendNote<T>(T wire, IEventShape<T> shape, string step)
    {
        // The details may still be the caller's object, which must not change: note on a copy.
        var copy = shape.GetDetails(wire)?.DeepClone().AsObject() ?? new JsonObject();
        var previous = copy[CustomDetailsShrinker.NoteName] is JsonValue note && note.TryGetValue<string>(out var text)
            ? text + "; "
            : "event reduced to fit PagerDuty's size limit: ";
        copy[CustomDetailsShrinker.NoteName] = previous + step;
        shape.SetDetails(wire, copy);
    }

    /// <summary>The parts of an event kind that shrinking touches.</summary>
    private interface IEventShape<in T>
    {
        JsonObject? GetDetails(T wire);

        void SetDetails(T wire, JsonObject? details);

        bool DropLinksAndImages(T wire);

        void TruncateFreeText(T wire, int maxLength);
    }

    private sealed class AlertShape : IEventShape<AlertEvent>
    {
        public JsonObject? GetDetails(AlertEvent wire) => wire.Payload?.CustomDetails;

        public void SetDetails(AlertEvent wire, JsonObject? details) => wire.Payload!.CustomDetails = details;

        public bool DropLinksAndImages(AlertEvent wire)
        {
            var had = wire.Links is { Count: > 0 } || wire.Images is { Count: > 0 };
            wire.Links = null;
            wire.Images = null;
            return had;
        }

        public void TruncateFreeText(AlertEvent wire, int maxLength)
        {
            var payload = wire.Payload!;
            payload.Source = EventLimits.Truncate(payload.Source, maxLength);
            payload.Component = Cut(payload.Component, maxLength);
            payload.Group = Cut(payload.Group, maxLength);
            payload.Class = Cut(payload.Class, maxLength);
            wire.Client = Cut(wire.Client, maxLength);

            // A cut URL would be a broken link.
            if (wire.ClientUrl is { } url && url.Length > maxLength)
            {
                wire.ClientUrl = null;
            }
        }
    }

    private sealed class ChangeShape : IEventShape<ChangeEvent>
    {
        public JsonObject? GetDetails(ChangeEvent wire) => wire.Payload.CustomDetails;

        public void SetDetails(ChangeEvent wire, JsonObject? details) => wire.Payload.CustomDetails = details;

        public bool DropLinksAndImages(ChangeEvent wire)
        {
            var had = wire.Links is { Count: > 0 } || wire.Images is { Count: > 0 };
            wire.Links = null;
            wire.Images = null;
            return had;
        }

        public void TruncateFreeText(ChangeEvent wire, int maxLength) => wire.Payload.Source = Cut(wire.Payload.Source, maxLength);
    }

    private static string? Cut(string? text, int maxLength) => text is null ? null : EventLimits.Truncate(text, maxLength);
}
