using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Serilog.Tests.Support;

public static class Json
{
    /// <summary>The <c>payload</c> of a received event.</summary>
    public static JsonObject Payload(ReceivedEvent received) => received.Body!["payload"]!.AsObject();

    /// <summary>The <c>payload.custom_details</c> of a received event.</summary>
    public static JsonObject CustomDetails(ReceivedEvent received) => Payload(received)["custom_details"]!.AsObject();

    /// <summary>The first property named <paramref name="name"/> anywhere under <paramref name="node"/>, depth first.</summary>
    public static JsonNode? Find(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.TryGetPropertyValue(name, out var direct))
                {
                    return direct;
                }

                return obj.Select(property => Find(property.Value, name)).FirstOrDefault(found => found != null);
            case JsonArray array:
                return array.Select(element => Find(element, name)).FirstOrDefault(found => found != null);
            default:
                return null;
        }
    }

    /// <summary>Every string value under <paramref name="node"/>.</summary>
    public static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                return obj.SelectMany(property => Strings(property.Value));
            case JsonArray array:
                return array.SelectMany(Strings);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return new[] { text };
            default:
                return Enumerable.Empty<string>();
        }
    }

    /// <summary>Every property name under <paramref name="node"/>.</summary>
    public static IEnumerable<string> Names(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(property => new[] { property.Key }.Concat(Names(property.Value))),
        JsonArray array => array.SelectMany(Names),
        _ => Enumerable.Empty<string>(),
    };
}
