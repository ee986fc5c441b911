using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PagerDutySinks.Emulator;

/// <summary>
/// Answers <c>POST /v2/enqueue</c> and <c>POST /v2/change/enqueue</c> the way PagerDuty does: injected faults first,
/// then JSON shape, then the routing key's rate limit, then the contract, then the alert state.
/// </summary>
internal sealed class EnqueueEndpoint(EmulatorState state, EmulatorFaults faults, EmulatorOptions options, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context, bool isChange)
    {
        var receivedAt = options.TimeProvider.GetUtcNow();
        var path = context.Request.Path.Value ?? "";
        var bytes = await ReadBodyAsync(context.Request, context.RequestAborted);
        var (body, parsed) = Parse(bytes);
        var routingKey = ReadString(body, "routing_key");
        if (routingKey is not null)
        {
            state.RecordCall(routingKey, receivedAt);
        }

        ReceivedEvent Received(int status, ReceivedOutcome outcome, string? dedupKey = null, IReadOnlyList<string>? errors = null) => new()
        {
            ReceivedAt = receivedAt,
            Path = path,
            StatusCode = status,
            Outcome = outcome,
            RoutingKey = routingKey,
            EventAction = isChange ? null : ReadString(body, "event_action"),
            DedupKey = dedupKey ?? ReadString(body, "dedup_key"),
            Body = body,
            BodyBytes = bytes.Length,
            Errors = errors ?? [],
        };

        if (!await DelayAsync(context))
        {
            // The client left, or the emulator is stopping: either way nobody gets an answer.
            state.Record(Received(0, ReceivedOutcome.Aborted));
            context.Abort();
            return;
        }

        if (faults.TakeNext() is { } fault)
        {
            if (fault.DropsConnection)
            {
                state.Record(Received(0, ReceivedOutcome.Dropped));
                context.Abort();
                return;
            }

            state.Record(Received(fault.StatusCode, ReceivedOutcome.InjectedFailure));
            if (fault.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            await WriteAsync(context, fault.StatusCode, fault.Body, fault.ContentType);
            return;
        }

        if (body is not JsonObject)
        {
            var error = !parsed ? EventContractValidator.JsonParseError : EventContractValidator.NotAnObjectError;
            state.Record(Received(StatusCodes.Status400BadRequest, ReceivedOutcome.Rejected, errors: [error]));
            await WriteJsonAsync(context, StatusCodes.Status400BadRequest, DefaultBodies.Unrecognized(error));
            return;
        }

        // Throttling is per service, so only a request naming a routing key can be throttled; rejected (400) calls
        // count towards the window like accepted ones, throttled (429) calls do not.
        if (routingKey is not null && !state.TryAdmit(routingKey, receivedAt, options.RateLimitPerMinute, out var freeIn))
        {
            state.Record(Received(StatusCodes.Status429TooManyRequests, ReceivedOutcome.Throttled));
            if (options.SendRetryAfterWhenThrottling)
            {
                context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(freeIn.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await WriteJsonAsync(context, StatusCodes.Status429TooManyRequests, DefaultBodies.Throttled());
            return;
        }

        var errors = Validate(body, bytes.Length, isChange);
        if (errors.Count > 0)
        {
            state.Record(Received(StatusCodes.Status400BadRequest, ReceivedOutcome.Rejected, errors: errors));
            await WriteJsonAsync(context, StatusCodes.Status400BadRequest, DefaultBodies.Invalid(errors));
            return;
        }

        if (isChange)
        {
            state.Record(Received(StatusCodes.Status202Accepted, ReceivedOutcome.Accepted));
            await WriteJsonAsync(context, StatusCodes.Status202Accepted, DefaultBodies.ChangeAccepted());
            return;
        }

        var dedupKey = ReadString(body, "dedup_key");
        if (string.IsNullOrWhiteSpace(dedupKey))
        {
            // Only a trigger gets here without a dedup key; PagerDuty makes one up and returns it.
            dedupKey = Guid.NewGuid().ToString("N");
        }

        var payload = body["payload"];
        state.ApplyAlertEvent(
            Received(StatusCodes.Status202Accepted, ReceivedOutcome.Accepted, dedupKey),
            ReadString(payload, "summary") ?? "",
            ReadString(payload, "severity") ?? "");
        await WriteJsonAsync(context, StatusCodes.Status202Accepted, DefaultBodies.Accepted(dedupKey));
    }

    private static IReadOnlyList<string> Validate(JsonNode body, int bodyBytes, bool isChange)
    {
        var errors = isChange ? EventContractValidator.ValidateChangeEvent(body) : EventContractValidator.ValidateAlertEvent(body);

        // The size of what was sent counts, and it may exceed the compact re-serialization the validator measures.
        var sizeError = EventContractValidator.SizeError(bodyBytes);
        if (sizeError is not null && !errors.Any(e => e.StartsWith("Event object is too large", StringComparison.Ordinal)))
        {
            return [sizeError, .. errors];
        }

        return errors;
    }

    /// <summary>Waits out the injected latency; false when the client or the emulator gave up meanwhile.</summary>
    private async Task<bool> DelayAsync(HttpContext context)
    {
        var latency = faults.Latency;
        if (latency <= TimeSpan.Zero)
        {
            return true;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(latency, linked.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // A body cut short is handled as whatever arrived; it will not parse.
        }

        return buffer.ToArray();
    }

    private static (JsonNode? Node, bool Parsed) Parse(byte[] bytes)
    {
        try
        {
            return bytes.Length == 0 ? (null, false) : (JsonNode.Parse(bytes), true);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    private static string? ReadString(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : null;

    private static Task WriteJsonAsync(HttpContext context, int status, string body) =>
        WriteAsync(context, status, body, "application/json");

    private static async Task WriteAsync(HttpContext context, int status, string body, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
