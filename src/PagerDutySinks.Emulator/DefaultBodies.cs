using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PagerDutySinks.Emulator;

/// <summary>PagerDuty's answer bodies.</summary>
internal static class DefaultBodies
{
    public const string ThrottleStatus = "throttle event";
    public const string ThrottleMessage = "Requests for this service are arriving too quickly. Please retry later.";

    public static string Accepted(string dedupKey) =>
        new JsonObject { ["status"] = "success", ["message"] = "Event processed", ["dedup_key"] = dedupKey }.ToJsonString();

    public static string ChangeAccepted() =>
        new JsonObject { ["status"] = "success", ["message"] = "Change event processed" }.ToJsonString();

    public static string Invalid(IEnumerable<string> errors) =>
        new JsonObject
        {
            ["status"] = "invalid event",
            ["message"] = "Event object is invalid",
            ["errors"] = new JsonArray(errors.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        }.ToJsonString();

    public static string Unrecognized(string error) =>
        new JsonObject
        {
            ["status"] = "Unrecognized object",
            ["message"] = "Event object format is unrecognized",
            ["errors"] = new JsonArray(JsonValue.Create(error)),
        }.ToJsonString();

    public static string Throttled() =>
        new JsonObject { ["status"] = ThrottleStatus, ["message"] = ThrottleMessage }.ToJsonString();

    /// <summary>The body of an injected failure when the test gave none.</summary>
    public static string For(int statusCode) => statusCode switch
    {
        429 => Throttled(),
        400 => Invalid(["Injected failure"]),
        >= 200 and < 300 => new JsonObject { ["status"] = "success", ["message"] = "Event processed" }.ToJsonString(),
        _ => new JsonObject { ["status"] = "error", ["message"] = "Internal server error (injected)" }.ToJsonString(),
    };
}
