using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using PagerDutySinks.Events;

namespace PagerDutySinks.Client;

/// <summary>Measures JSON exactly as the event serializer will write it (same encoder, so escapes count).</summary>
internal static class JsonSize
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = PagerDutyJsonContext.Default.Options.Encoder };

    public static int Of(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return (int)stream.Length;
    }

    /// <summary>The bytes a member <c>"name":value</c> adds to an object, comma included.</summary>
    public static int OfMember(string name, JsonNode? value) => Of(JsonValue.Create(name)) + 1 + Of(value) + 1;
}
