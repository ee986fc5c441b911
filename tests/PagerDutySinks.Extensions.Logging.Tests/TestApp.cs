using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PagerDutySinks.Emulator;
using PagerDutySinks.Extensions.Logging;

namespace PagerDutySinks.Extensions.Logging.Tests;

/// <summary>A generic host with only the PagerDuty provider, pointed at an emulator on 127.0.0.1.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    public const string Key = "0123456789abcdef0123456789abcdef";
    public const string OtherKey = "fedcba9876543210fedcba9876543210";

    private readonly DirectoryInfo _contentRoot;
    private bool _stopped;

    private TestApp(PagerDutyEmulator emulator, IHost host, ConfigurationManager configuration, DirectoryInfo contentRoot)
    {
        Emulator = emulator;
        Host = host;
        Configuration = configuration;
        _contentRoot = contentRoot;
    }

    public PagerDutyEmulator Emulator { get; }

    public IHost Host { get; }

    public ConfigurationManager Configuration { get; }

    public PagerDutyLoggerProvider Provider => Host.Services.GetServices<ILoggerProvider>().OfType<PagerDutyLoggerProvider>().Single();

    /// <summary>The settings every test starts from: the emulator's address and a valid key.</summary>
    public static Dictionary<string, string?> BaseSettings(PagerDutyEmulator emulator) => new()
    {
        ["Logging:PagerDuty:RoutingKey"] = Key,
        ["Logging:PagerDuty:Endpoint"] = emulator.BaseAddress.ToString(),
        ["Logging:PagerDuty:ShutdownTimeout"] = "00:00:10",
    };

    /// <summary>Builds (not starts) a host.</summary>
    /// <param name="settings">In-memory settings on top of <see cref="BaseSettings"/>; a null value removes a base setting.</param>
    /// <param name="appsettingsJson">Content of an appsettings.json in the content root, given the emulator.</param>
    /// <param name="configure">Further set-up of the builder.</param>
    /// <param name="useBaseSettings">Whether to start from <see cref="BaseSettings"/>.</param>
    public static async Task<TestApp> BuildAsync(
        Dictionary<string, string?>? settings = null,
        Func<PagerDutyEmulator, string>? appsettingsJson = null,
        Action<HostApplicationBuilder, PagerDutyEmulator>? configure = null,
        bool useBaseSettings = true)
    {
        var emulator = await PagerDutyEmulator.StartAsync();
        var contentRoot = Directory.CreateTempSubdirectory("pagerduty-mel-");
        if (appsettingsJson is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(contentRoot.FullName, "appsettings.json"), appsettingsJson(emulator));
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = Array.Empty<string>(),
            ContentRootPath = contentRoot.FullName,
        });

        var merged = useBaseSettings ? BaseSettings(emulator) : new Dictionary<string, string?>();
        foreach (var pair in settings ?? new())
        {
            if (pair.Value is null)
            {
                merged.Remove(pair.Key);
            }
            else
            {
                merged[pair.Key] = pair.Value;
            }
        }

        builder.Configuration.AddInMemoryCollection(merged);
        builder.Logging.ClearProviders();
        builder.Logging.AddPagerDuty();
        configure?.Invoke(builder, emulator);
        return new TestApp(emulator, builder.Build(), builder.Configuration, contentRoot);
    }

    public static async Task<TestApp> StartAsync(
        Dictionary<string, string?>? settings = null,
        Func<PagerDutyEmulator, string>? appsettingsJson = null,
        Action<HostApplicationBuilder, PagerDutyEmulator>? configure = null)
    {
        var app = await BuildAsync(settings, appsettingsJson, configure);
        await app.Host.StartAsync();
        return app;
    }

    public ILogger Logger(string category) => Host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    /// <summary>Changes a setting and reloads the configuration, as a changed appsettings.json would.</summary>
    public void Reload(string key, string? value)
    {
        Configuration[key] = value;
        ((IConfigurationRoot)Configuration).Reload();
    }

    /// <summary>Stops and disposes the host (which delivers pending alerts), then returns the accepted alert events.</summary>
    public async Task<IReadOnlyList<ReceivedEvent>> StopAndCollectAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Host.StopAsync();
            Host.Dispose();
        }

        return Accepted(Emulator);
    }

    public static IReadOnlyList<ReceivedEvent> Accepted(PagerDutyEmulator emulator) =>
        emulator.Events.Where(e => e.StatusCode == 202 && e.Path.EndsWith("/v2/enqueue", StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            try
            {
                await Host.StopAsync();
            }
            catch (OperationCanceledException)
            {
            }

            Host.Dispose();
        }

        await Emulator.DisposeAsync();
        try
        {
            _contentRoot.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Reading sent events.</summary>
internal static class EventJson
{
    public static JsonNode Payload(this ReceivedEvent e) => e.Body!["payload"]!;

    public static string Summary(this ReceivedEvent e) => (string)e.Payload()["summary"]!;

    public static JsonObject Details(this ReceivedEvent e) => e.Payload()["custom_details"]!.AsObject();

    /// <summary>Finds a property by name anywhere in <paramref name="node"/> (details may nest properties).</summary>
    public static JsonNode? Find(this JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    if (string.Equals(pair.Key, name, StringComparison.Ordinal))
                    {
                        return pair.Value;
                    }
                }

                foreach (var pair in obj)
                {
                    if (pair.Value.Find(name) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                return array.Select(item => item.Find(name)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }
}
