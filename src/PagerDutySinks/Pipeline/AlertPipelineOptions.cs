using System;
using System.Collections.Generic;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>Settings of an <see cref="AlertPipeline"/>: which events page, how they are grouped, and how fast they are sent.</summary>
public sealed class AlertPipelineOptions
{
    /// <summary>The routing (integration) key. Required; 32 characters.</summary>
    public string RoutingKey { get; set; } = "";

    /// <summary>The client settings: endpoint, rate limit, retries, handler, clock.</summary>
    public PagerDutyClientOptions Client { get; set; } = new();

    /// <summary><c>payload.source</c>; the machine name when not set.</summary>
    public string? Source { get; set; }

    /// <summary><c>payload.group</c>, if any.</summary>
    public string? Group { get; set; }

    /// <summary>The lowest level that pages (default <see cref="AlertLevel.Error"/>).</summary>
    public AlertLevel MinimumLevel { get; set; } = AlertLevel.Error;

    /// <summary>Severity per level; missing levels use the default map (≤ Information → info, Warning → warning, Error → error, Fatal → critical).</summary>
    public IDictionary<AlertLevel, Severity> SeverityMap { get; } = new Dictionary<AlertLevel, Severity>();

    /// <summary>Capacity of the buffer between the logging threads and the consumer (default 10,000). When full, new candidates are dropped and counted.</summary>
    public int QueueLimit { get; set; } = 10_000;

    /// <summary>At most one update per dedup key per interval while it keeps occurring (default 5 min).</summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A fresh trigger per dedup key at this interval while it keeps occurring (default 4 h).</summary>
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Resolve a key after this quiet period; off when <see langword="null"/> (default). At least 3 × <see cref="UpdateInterval"/> is recommended.</summary>
    public TimeSpan? ResolveAfter { get; set; }

    /// <summary>More new dedup keys than this within <see cref="StormWindow"/> become one storm alert (default 10).</summary>
    public int StormThreshold { get; set; } = 10;

    /// <summary>The window in which new keys are counted for storm detection (default 1 min).</summary>
    public TimeSpan StormWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many distinct dedup keys are tracked; the least recently seen are forgotten beyond it (default 10,000).</summary>
    public int MaxTrackedKeys { get; set; } = 10_000;

    /// <summary>How long disposal waits to deliver what is pending (default 10 s).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Property carrying an explicit dedup key (default <c>PagerDutyDedupKey</c>).</summary>
    public string DedupKeyPropertyName { get; set; } = "PagerDutyDedupKey";

    /// <summary>Property carrying an explicit action: trigger, acknowledge or resolve (default <c>PagerDutyAction</c>).</summary>
    public string ActionPropertyName { get; set; } = "PagerDutyAction";

    /// <summary>
    /// Property carrying links for this event only (default <c>PagerDutyLinks</c>): a URL, a list of URLs, or objects with
    /// <c>href</c> and optional <c>text</c>. Added after <see cref="Links"/> on triggers; entries that are not absolute
    /// http(s) URLs are skipped with a <see cref="PagerDutyDiagnosticKind.Degraded"/> diagnostic.
    /// </summary>
    public string LinksPropertyName { get; set; } = "PagerDutyLinks";

    /// <summary>
    /// Property carrying images for this event only (default <c>PagerDutyImages</c>): an https URL, a list of them, or
    /// objects with <c>src</c> and optional <c>href</c> and <c>alt</c>. Added after <see cref="Images"/> on triggers.
    /// </summary>
    public string ImagesPropertyName { get; set; } = "PagerDutyImages";

    /// <summary>Property whose text replaces <see cref="Group"/> for this event (default <c>PagerDutyGroup</c>).</summary>
    public string GroupPropertyName { get; set; } = "PagerDutyGroup";

    /// <summary>Stack frames whose type starts with one of these are the application's own; when empty, every frame not excluded is.</summary>
    public IList<string> InAppInclude { get; } = new List<string>();

    /// <summary>Stack frames whose type starts with one of these are framework frames, left out of fingerprints.</summary>
    public IList<string> InAppExclude { get; } = new List<string>
    {
        "System.", "Microsoft.", "Serilog", "Polly", "PagerDutySinks.", "Xunit.", "xunit.",
    };

    /// <summary>Property names whose values are replaced by <c>[redacted]</c> in <c>custom_details</c> (case-insensitive).</summary>
    public ISet<string> RedactedProperties { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "secret", "token", "apikey", "api_key", "authorization", "cookie", "routingkey", "routing_key",
    };

    /// <summary>Property names left out of <c>custom_details</c> entirely (case-insensitive).</summary>
    public ISet<string> ExcludedProperties { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Links added to every trigger. <c>{Category}</c> and <c>{PropertyName}</c> placeholders in <see cref="Link.Href"/> are filled from the event.</summary>
    public IList<Link> Links { get; } = new List<Link>();

    /// <summary>Images added to every trigger.</summary>
    public IList<Image> Images { get; } = new List<Image>();

    /// <summary>The <c>client</c> name shown in PagerDuty.</summary>
    public string? ClientName { get; set; }

    /// <summary>The <c>client_url</c> shown in PagerDuty.</summary>
    public string? ClientUrl { get; set; }

    /// <summary>Categories that never page, by prefix: the HTTP stack the pipeline itself uses, to avoid feedback loops.</summary>
    public IList<string> IgnoredCategories { get; } = new List<string> { "System.Net.Http.HttpClient", "PagerDutySinks", "Polly" };

    /// <summary>Converts adapter-specific property values to JSON.</summary>
    public IDetailsValueConverter? DetailsValueConverter { get; set; }

    /// <summary>Receives problems instead of the logging path: drops, rejections, failures, undelivered events at shutdown.</summary>
    public Action<PagerDutyDiagnostic>? Diagnostics { get; set; }

    /// <summary>The clock; defaults to <see cref="PagerDutyClientOptions.TimeProvider"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Throws a clear <see cref="ArgumentException"/> naming the first invalid setting (routing key masked).</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        PagerDutySinks.RoutingKey.Validate(RoutingKey, nameof(RoutingKey));
        if (Client is null)
        {
            throw new ArgumentException("Client must be set.", nameof(Client));
        }

        Client.Validate();
        RequirePositive(UpdateInterval, nameof(UpdateInterval));
        RequirePositive(RepeatInterval, nameof(RepeatInterval));
        RequirePositive(StormWindow, nameof(StormWindow));
        if (ResolveAfter is { } resolveAfter)
        {
            RequirePositive(resolveAfter, nameof(ResolveAfter));
        }

        if (ShutdownTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException("ShutdownTimeout must not be negative.", nameof(ShutdownTimeout));
        }

        if (QueueLimit < 1)
        {
            throw new ArgumentException("QueueLimit must be at least 1 (was " + QueueLimit + ").", nameof(QueueLimit));
        }

        if (StormThreshold < 1)
        {
            throw new ArgumentException("StormThreshold must be at least 1 (was " + StormThreshold + ").", nameof(StormThreshold));
        }

        if (MaxTrackedKeys < 1)
        {
            throw new ArgumentException("MaxTrackedKeys must be at least 1 (was " + MaxTrackedKeys + ").", nameof(MaxTrackedKeys));
        }

        if (string.IsNullOrWhiteSpace(DedupKeyPropertyName))
        {
            throw new ArgumentException("DedupKeyPropertyName must not be empty.", nameof(DedupKeyPropertyName));
        }

        if (string.IsNullOrWhiteSpace(ActionPropertyName))
        {
            throw new ArgumentException("ActionPropertyName must not be empty.", nameof(ActionPropertyName));
        }

        RequireName(LinksPropertyName, nameof(LinksPropertyName));
        RequireName(ImagesPropertyName, nameof(ImagesPropertyName));
        RequireName(GroupPropertyName, nameof(GroupPropertyName));

        if (MinimumLevel < AlertLevel.Verbose || MinimumLevel > AlertLevel.Fatal)
        {
            throw new ArgumentException("MinimumLevel is not a defined level (was " + (int)MinimumLevel + ").", nameof(MinimumLevel));
        }
    }

    private static void RequireName(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(name + " must not be empty.", name);
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException(name + " must be positive (was " + value + ").", name);
        }
    }
}
