using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PagerDutySinks.Events;

/// <summary>Writes <see cref="Events.Severity"/> in PagerDuty's lower-case spelling without reflection.</summary>
internal sealed class SeverityJsonConverter : JsonConverter<Severity>
{
    public override Severity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WireNames.TryParseSeverity(reader.GetString(), out var severity)
            ? severity
            : throw new JsonException("severity must be one of critical, error, warning, info.");

    public override void Write(Utf8JsonWriter writer, Severity value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWire());
}

/// <summary>Writes <see cref="Events.EventAction"/> in PagerDuty's lower-case spelling without reflection.</summary>
internal sealed class EventActionJsonConverter : JsonConverter<EventAction>
{
    public override EventAction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WireNames.TryParseAction(reader.GetString(), out var action)
            ? action
            : throw new JsonException("event_action must be one of trigger, acknowledge, resolve.");

    public override void Write(Utf8JsonWriter writer, EventAction value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWire());
}
