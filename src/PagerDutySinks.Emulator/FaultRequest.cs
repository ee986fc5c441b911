using System;
using System.Text.Json.Nodes;

namespace PagerDutySinks.Emulator;

/// <summary>The body of <c>POST /api/faults</c>, checked completely before any of it is applied.</summary>
internal sealed record FaultRequest(
    int FailCount, int FailStatus, string? FailBody, string FailContentType, TimeSpan? RetryAfter, int DropCount, TimeSpan? Latency)
{
    public static FaultRequest From(JsonNode? body)
    {
        if (body is not JsonObject root)
        {
            throw new FormatException("Expected a JSON object like {\"failNext\":{\"count\":2,\"status\":503},\"dropNext\":1,\"latencyMs\":200}.");
        }

        int failCount = 0, failStatus = 0;
        string? failBody = null;
        var contentType = "application/json";
        TimeSpan? retryAfter = null;
        if (root["failNext"] is JsonObject fail)
        {
            failCount = fail["count"]?.GetValue<int>() ?? 1;
            failStatus = fail["status"]?.GetValue<int>() ?? throw new FormatException("failNext.status is required.");
            failBody = fail["body"]?.GetValue<string>();
            contentType = fail["contentType"]?.GetValue<string>() ?? contentType;
            retryAfter = fail["retryAfterSeconds"] is { } seconds ? TimeSpan.FromSeconds(seconds.GetValue<double>()) : null;
            if (failCount <= 0 || failStatus is < 100 or > 599)
            {
                throw new FormatException("failNext.count must be positive and failNext.status between 100 and 599.");
            }
        }
        else if (root["failNext"] is not null)
        {
            throw new FormatException("failNext must be an object.");
        }

        var dropCount = root["dropNext"]?.GetValue<int>() ?? 0;
        TimeSpan? latency = root["latencyMs"] is { } ms ? TimeSpan.FromMilliseconds(ms.GetValue<double>()) : null;
        if (dropCount < 0 || latency < TimeSpan.Zero || retryAfter < TimeSpan.Zero)
        {
            throw new FormatException("dropNext, latencyMs and retryAfterSeconds cannot be negative.");
        }

        return new FaultRequest(failCount, failStatus, failBody, contentType, retryAfter, dropCount, latency);
    }

    public void ApplyTo(EmulatorFaults faults)
    {
        if (FailCount > 0)
        {
            faults.FailNext(FailCount, FailStatus, FailBody, FailContentType, RetryAfter);
        }

        if (DropCount > 0)
        {
            faults.DropNext(DropCount);
        }

        if (Latency is { } latency)
        {
            faults.SetLatency(latency);
        }
    }
}
