using System.Text.Json.Nodes;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Serilog.Tests.Support;

public static class Json
{
    /// <summary>The <c>payload</c> of a received event.</summary>
    public static JsonObject Payload(ReceivedEvent received) => received.Body!["payload"]!.AsObject();

    /// <summary>The <c>payload.custom_details</c> of a received event.</summary>
    public static JsonObject CustomDetails(ReceivedEvent received) => Payload(received)["custom_details"]!.AsObject();
}
