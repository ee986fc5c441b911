using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PagerDutySinks.Events;

namespace PagerDutySinks.Emulator;

/// <summary>
/// The Events API v2 request contract (PagerDuty's OpenAPI description plus its documented limits), encoded in code so
/// it holds without the spec file. The emulator answers 400 with these errors; tests of clients use it to prove that
/// what they send would be accepted.
/// </summary>
public static class EventContractValidator
{
    /// <summary>The error reported for a body that is not JSON.</summary>
    public const string JsonParseError = "JSON parse error";

    /// <summary>The error reported for JSON that is not an object.</summary>
    public const string NotAnObjectError = "Event object must be a JSON object";

    private static readonly string[] EventActions = ["trigger", "acknowledge", "resolve"];
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];

    /// <summary>Checks an alert event (<c>POST /v2/enqueue</c>) and returns every problem found; empty when valid.</summary>
    /// <param name="body">The parsed request body.</param>
    /// <returns>The problems, in the order of the fields.</returns>
    public static IReadOnlyList<string> ValidateAlertEvent(JsonNode? body)
    {
        if (body is not JsonObject root)
        {
            return [NotAnObjectError];
        }

        var errors = new ContractErrors();
        CheckSize(root, errors);
        CheckRoutingKey(root, errors);

        string? action = null;
        if (!root.TryGetPropertyValue("event_action", out var actionNode) || actionNode is null)
        {
            errors.Add("'event_action' is missing or blank");
        }
        else if (actionNode.GetValueKind() != JsonValueKind.String || Array.IndexOf(EventActions, actionNode.GetValue<string>()) < 0)
        {
            errors.Add("'event_action' is invalid (must be one of: trigger, acknowledge, resolve)");
        }
        else
        {
            action = actionNode.GetValue<string>();
        }

        var dedupKey = errors.OptionalString(root, "dedup_key");
        if (dedupKey is not null && dedupKey.Length > EventLimits.MaxDedupKeyLength)
        {
            errors.Add($"'dedup_key' is too long ({dedupKey.Length} characters, limit {EventLimits.MaxDedupKeyLength})");
        }

        if (action is "acknowledge" or "resolve" && string.IsNullOrWhiteSpace(dedupKey) && !errors.HasTypeError("dedup_key"))
        {
            errors.Add($"'dedup_key' is missing or blank (required for {action})");
        }

        if (root.TryGetPropertyValue("payload", out var payloadNode))
        {
            // The schema describes payload wherever it appears, so it is checked on every action when sent.
            CheckAlertPayload(payloadNode, errors);
        }
        else if (action == "trigger")
        {
            errors.Add("'payload' is missing (required for trigger)");
        }

        errors.OptionalString(root, "client");
        errors.OptionalString(root, "client_url");
        CheckLinks(root, errors);
        CheckImages(root, errors);
        return errors.ToList();
    }

    /// <summary>Checks a change event (<c>POST /v2/change/enqueue</c>) and returns every problem found; empty when valid.</summary>
    /// <param name="body">The parsed request body.</param>
    /// <returns>The problems, in the order of the fields.</returns>
    public static IReadOnlyList<string> ValidateChangeEvent(JsonNode? body)
    {
        if (body is not JsonObject root)
        {
            return [NotAnObjectError];
        }

        var errors = new ContractErrors();
        CheckSize(root, errors);
        CheckRoutingKey(root, errors);

        if (!root.TryGetPropertyValue("payload", out var payloadNode))
        {
            errors.Add("'payload' is missing");
        }
        else if (payloadNode is not JsonObject payload)
        {
            errors.Add("'payload' must be an object");
        }
        else
        {
            CheckSummary(payload, errors);
            CheckTimestamp(payload, errors);
            errors.OptionalString(payload, "source", "payload.");
            CheckCustomDetails(payload, errors);
        }

        CheckLinks(root, errors);
        CheckImages(root, errors);
        return errors.ToList();
    }

    /// <summary>Parses <paramref name="json"/> and checks it as an alert event.</summary>
    /// <param name="json">The request body.</param>
    /// <returns>The problems; <see cref="JsonParseError"/> when it is not JSON.</returns>
    public static IReadOnlyList<string> ValidateAlertEvent(string json) =>
        TryParse(json, out var node) ? ValidateAlertEvent(node) : [JsonParseError];

    /// <summary>Parses <paramref name="json"/> and checks it as a change event.</summary>
    /// <param name="json">The request body.</param>
    /// <returns>The problems; <see cref="JsonParseError"/> when it is not JSON.</returns>
    public static IReadOnlyList<string> ValidateChangeEvent(string json) =>
        TryParse(json, out var node) ? ValidateChangeEvent(node) : [JsonParseError];

    /// <summary>The error for a body of <paramref name="bytes"/> bytes, or <see langword="null"/> when it is within the limit.</summary>
    /// <param name="bytes">The body size.</param>
    /// <returns>The error or <see langword="null"/>.</returns>
    public static string? SizeError(long bytes) =>
        bytes > EventLimits.MaxEventBytes
            ? $"Event object is too large ({bytes} bytes, limit {EventLimits.MaxEventBytes} bytes)"
            : null;

    internal static bool TryParse(string json, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }

    private static void CheckSize(JsonObject root, ContractErrors errors)
    {
        var error = SizeError(Encoding.UTF8.GetByteCount(root.ToJsonString()));
        if (error is not null)
        {
            errors.Add(error);
        }
    }

    private static void CheckRoutingKey(JsonObject root, ContractErrors errors)
    {
        if (!root.TryGetPropertyValue("routing_key", out var node) || node is null)
        {
            errors.Add("'routing_key' is missing or blank");
        }
        else if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add("'routing_key' must be a string");
        }
        else
        {
            var key = node.GetValue<string>();
            if (string.IsNullOrWhiteSpace(key))
            {
                errors.Add("'routing_key' is missing or blank");
            }
            else if (key.Length != EventLimits.RoutingKeyLength)
            {
                errors.Add($"Length of 'routing_key' is incorrect (should be {EventLimits.RoutingKeyLength} characters)");
            }
        }
    }

    private static void CheckAlertPayload(JsonNode? node, ContractErrors errors)
    {
        if (node is not JsonObject payload)
        {
            errors.Add("'payload' must be an object");
            return;
        }

        CheckSummary(payload, errors);
        CheckTimestamp(payload, errors);

        if (!payload.TryGetPropertyValue("severity", out var severity) || severity is null)
        {
            errors.Add("'payload.severity' is missing or blank");
        }
        else if (severity.GetValueKind() != JsonValueKind.String || Array.IndexOf(Severities, severity.GetValue<string>()) < 0)
        {
            errors.Add("'payload.severity' is invalid (must be one of: critical, error, warning, info)");
        }

        var source = errors.OptionalString(payload, "source", "payload.");
        if (string.IsNullOrWhiteSpace(source) && !errors.HasTypeError("payload.source"))
        {
            errors.Add("'payload.source' is missing or blank");
        }

        errors.OptionalString(payload, "component", "payload.");
        errors.OptionalString(payload, "group", "payload.");
        errors.OptionalString(payload, "class", "payload.");
        CheckCustomDetails(payload, errors);
    }

    private static void CheckSummary(JsonObject payload, ContractErrors errors)
    {
        var summary = errors.OptionalString(payload, "summary", "payload.");
        if (errors.HasTypeError("payload.summary"))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            errors.Add("'payload.summary' is missing or blank");
        }
        else if (summary.Length > EventLimits.MaxSummaryLength)
        {
            errors.Add($"'payload.summary' is too long ({summary.Length} characters, limit {EventLimits.MaxSummaryLength})");
        }
    }

    private static void CheckTimestamp(JsonObject payload, ContractErrors errors)
    {
        var timestamp = errors.OptionalString(payload, "timestamp", "payload.");
        if (timestamp is not null && !Rfc3339Timestamp.IsValid(timestamp))
        {
            errors.Add("'payload.timestamp' is not a valid date-time (expected e.g. 2015-07-17T08:42:58.315+0000)");
        }
    }

    private static void CheckCustomDetails(JsonObject payload, ContractErrors errors)
    {
        if (payload.TryGetPropertyValue("custom_details", out var details) && details is not JsonObject)
        {
            errors.Add("'payload.custom_details' must be an object");
        }
    }

    private static void CheckLinks(JsonObject root, ContractErrors errors)
    {
        foreach (var (item, path) in ArrayItems(root, "links", errors))
        {
            var href = errors.OptionalString(item, "href", path + ".");
            if (href is null && !errors.HasTypeError(path + ".href"))
            {
                errors.Add($"'{path}.href' is missing");
            }

            errors.OptionalString(item, "text", path + ".");
        }
    }

    private static void CheckImages(JsonObject root, ContractErrors errors)
    {
        foreach (var (item, path) in ArrayItems(root, "images", errors))
        {
            var src = errors.OptionalString(item, "src", path + ".");
            if (src is null)
            {
                if (!errors.HasTypeError(path + ".src"))
                {
                    errors.Add($"'{path}.src' is missing");
                }
            }
            else if (!Uri.TryCreate(src, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add($"'{path}.src' must be an https URL (images are served via HTTPS)");
            }

            errors.OptionalString(item, "href", path + ".");
            errors.OptionalString(item, "alt", path + ".");
        }
    }

    private static IEnumerable<(JsonObject Item, string Path)> ArrayItems(JsonObject root, string name, ContractErrors errors)
    {
        if (!root.TryGetPropertyValue(name, out var node))
        {
            yield break;
        }

        if (node is not JsonArray array)
        {
            errors.Add($"'{name}' must be an array");
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var path = $"{name}[{i}]";
            if (array[i] is JsonObject item)
            {
                yield return (item, path);
            }
            else
            {
                errors.Add($"'{path}' must be an object");
            }
        }
    }
}
