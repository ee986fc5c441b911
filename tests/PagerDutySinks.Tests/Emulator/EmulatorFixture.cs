using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Tests.Emulator;

/// <summary>Starts an emulator per test and posts raw JSON to it.</summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    public const string RoutingKey = "0123456789abcdef0123456789abcdef";

    protected PagerDutyEmulator Emulator { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    protected virtual EmulatorOptions CreateOptions() => new();

    public async Task InitializeAsync()
    {
        Emulator = await PagerDutyEmulator.StartAsync(CreateOptions());
        Http = new HttpClient { BaseAddress = Emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    protected Task<HttpResponseMessage> PostAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    protected static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    protected static string Trigger(string? dedupKey = "srv01/mysql", string summary = "Disk full", string routingKey = RoutingKey)
    {
        var body = new JsonObject
        {
            ["routing_key"] = routingKey,
            ["event_action"] = "trigger",
            ["payload"] = new JsonObject { ["summary"] = summary, ["source"] = "host-1", ["severity"] = "error" },
        };
        if (dedupKey is not null)
        {
            body["dedup_key"] = dedupKey;
        }

        return body.ToJsonString();
    }

    protected static string Action(string action, string dedupKey, string routingKey = RoutingKey) =>
        new JsonObject { ["routing_key"] = routingKey, ["event_action"] = action, ["dedup_key"] = dedupKey }.ToJsonString();
}
