using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PagerDutySinks.Emulator;

/// <summary>
/// The inspection and control endpoints: <c>GET /api/alerts</c>, <c>/api/events</c>, <c>/api/stats</c>,
/// <c>POST|DELETE /api/faults</c>, <c>POST /api/reset</c>, and the page at <c>/</c>. They let another process
/// (a CLI under test, a person) see and steer the emulator.
/// </summary>
internal static class InspectionEndpoints
{
    // Served as application/json only, so characters such as the mask's ellipsis need no escaping.
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(WebApplication app, PagerDutyEmulator emulator)
    {
        app.MapGet("/api/alerts", context =>
            WriteJsonAsync(context, 200, new JsonArray(emulator.Alerts.Select(a => (JsonNode?)EmulatorJson.Alert(a)).ToArray())));
        app.MapGet("/api/events", context =>
            WriteJsonAsync(context, 200, new JsonArray(emulator.Events.Select(e => (JsonNode?)EmulatorJson.Event(e)).ToArray())));
        app.MapGet("/api/stats", context => WriteJsonAsync(context, 200, EmulatorJson.Statistics(emulator.GetStatistics())));
        app.MapPost("/api/faults", context => SetFaultsAsync(context, emulator.Faults));
        app.MapDelete("/api/faults", context =>
        {
            emulator.Faults.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        app.MapPost("/api/reset", context =>
        {
            emulator.Reset();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        app.MapGet("/", context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(AlertsPage.Render(emulator.Alerts, emulator.GetStatistics()), context.RequestAborted);
        });
    }

    /// <summary>Applies <c>{failNext:{count,status,body,contentType,retryAfterSeconds}, dropNext:n, latencyMs:n}</c>; every part is optional.</summary>
    private static async Task SetFaultsAsync(HttpContext context, EmulatorFaults faults)
    {
        FaultRequest request;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            request = FaultRequest.From(body);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            await WriteJsonAsync(context, 400, new JsonObject { ["status"] = "invalid fault", ["message"] = e.Message });
            return;
        }

        request.ApplyTo(faults);
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["pending"] = faults.Pending,
            ["latency_ms"] = (long)faults.Latency.TotalMilliseconds,
        });
    }

    private static Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(ReadableJson), context.RequestAborted);
    }
}
