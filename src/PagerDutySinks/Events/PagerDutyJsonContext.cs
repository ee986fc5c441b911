using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PagerDutySinks.Events;

/// <summary>Source-generated serialization for the wire model: no reflection on the send path, trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlertEvent))]
[JsonSerializable(typeof(ChangeEvent))]
[JsonSerializable(typeof(EnqueueResponse))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class PagerDutyJsonContext : JsonSerializerContext
{
}
