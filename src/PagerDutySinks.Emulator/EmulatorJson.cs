using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PagerDutySinks.Emulator;

/// <summary>The JSON shown by the inspection endpoints; routing keys are always masked, in request bodies too.</summary>
internal static class EmulatorJson
{
    public static JsonObject Alert(EmulatedAlert alert) => new()
    {
        ["id"] = alert.Id,
        ["routing_key"] = KeyMask.Mask(alert.RoutingKey),
        ["dedup_key"] = alert.DedupKey,
        ["status"] = StatusName(alert.Status),
        ["summary"] = alert.Summary,
        ["severity"] = alert.Severity,
        ["created_at"] = Time(alert.CreatedAt),
        ["acknowledged_at"] = alert.AcknowledgedAt is { } ack ? Time(ack) : null,
        ["resolved_at"] = alert.ResolvedAt is { } resolved ? Time(resolved) : null,
        ["trigger_count"] = alert.TriggerCount,
        ["log_entries"] = new JsonArray(alert.LogEntries.Select(e => (JsonNode?)Event(e)).ToArray()),
    };

    public static JsonObject Event(ReceivedEvent received) => new()
    {
        ["received_at"] = Time(received.ReceivedAt),
        ["path"] = received.Path,
        ["status_code"] = received.StatusCode,
        ["outcome"] = received.Outcome.ToString(),
        ["routing_key"] = received.RoutingKey is null ? null : KeyMask.Mask(received.RoutingKey),
        ["event_action"] = received.EventAction,
        ["dedup_key"] = received.DedupKey,
        ["body_bytes"] = received.BodyBytes,
        ["errors"] = new JsonArray(received.Errors.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        ["body"] = MaskedBody(received.Body),
    };

    public static JsonObject Statistics(EmulatorStatistics stats) => new()
    {
        ["received"] = stats.Received,
        ["accepted"] = stats.Accepted,
        ["rejected"] = stats.Rejected,
        ["throttled"] = stats.Throttled,
        ["injected_failures"] = stats.InjectedFailures,
        ["dropped"] = stats.Dropped,
        ["aborted"] = stats.Aborted,
        ["change_events"] = stats.ChangeEvents,
        ["alerts"] = new JsonObject
        {
            ["triggered"] = stats.AlertsTriggered,
            ["acknowledged"] = stats.AlertsAcknowledged,
            ["resolved"] = stats.AlertsResolved,
        },
        ["routing_keys"] = new JsonArray(stats.ByRoutingKey
            .OrderBy(pair => pair.Key, System.StringComparer.Ordinal)
            .Select(pair => (JsonNode?)new JsonObject
            {
                ["routing_key"] = KeyMask.Mask(pair.Key),
                ["received"] = pair.Value.Received,
                ["peak_requests_per_minute"] = pair.Value.PeakRequestsPerMinute,
            })
            .ToArray()),
    };

    public static string StatusName(AlertStatus status) => status switch
    {
        AlertStatus.Triggered => "triggered",
        AlertStatus.Acknowledged => "acknowledged",
        _ => "resolved",
    };

    private static string Time(System.DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static JsonNode? MaskedBody(JsonNode? body)
    {
        var copy = body?.DeepClone();
        if (copy is JsonObject obj && obj["routing_key"] is JsonValue key && key.TryGetValue<string>(out var text))
        {
            obj["routing_key"] = KeyMask.Mask(text);
        }

        return copy;
    }
}
