using System;
using System.Collections.Generic;
using System.Net.Http;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;
using Serilog.Events;

namespace PagerDutySinks.Serilog;

/// <summary>
/// Settings of the PagerDuty sink. Only <see cref="RoutingKey"/> is required; a setting left <see langword="null"/>
/// keeps the default of the core <see cref="AlertPipelineOptions"/> / <see cref="PagerDutyClientOptions"/>.
/// </summary>
public sealed class PagerDutySinkOptions
{
    // The core owns the defaults; the collections below start as copies of its lists so that they show the real values.
    private static readonly AlertPipelineOptions CoreDefaults = new();

    /// <summary>The routing (integration) key of the PagerDuty service integration. Required; 32 characters; a secret.</summary>
    public string RoutingKey { get; set; } = "";

    /// <summary><c>us</c> (default), <c>eu</c>, or a base URL such as the local emulator's.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Allow a plain-http <see cref="Endpoint"/> to a host other than this machine (not recommended).</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary><c>payload.source</c>: the affected system; the machine name when not set.</summary>
    public string? Source { get; set; }

    /// <summary><c>payload.group</c> for every alert, e.g. the application or cluster name.</summary>
    public string? Group { get; set; }

    /// <summary>The <c>client</c> name shown on the alert in PagerDuty.</summary>
    public string? ClientName { get; set; }

    /// <summary>The <c>client_url</c> shown on the alert in PagerDuty (e.g. your log search).</summary>
    public string? ClientUrl { get; set; }

    /// <summary>Severity per Serilog level; missing levels use the default map (≤ Information → info, Warning → warning, Error → error, Fatal → critical).</summary>
    public IDictionary<LogEventLevel, Severity> SeverityMap { get; } = new Dictionary<LogEventLevel, Severity>();

    /// <summary>Requests per minute per routing key (default 120, PagerDuty's documented limit).</summary>
    public int? RateLimitPerMinute { get; set; }

    /// <summary>At most one update per alert per interval while its error keeps occurring (default 5 min).</summary>
    public TimeSpan? UpdateInterval { get; set; }

    /// <summary>A fresh trigger per alert at this interval while its error keeps occurring (default 4 h).</summary>
    public TimeSpan? RepeatInterval { get; set; }

    /// <summary>Resolve an alert after this quiet period; alerts are never resolved automatically when not set (the default).</summary>
    public TimeSpan? ResolveAfter { get; set; }

    /// <summary>Capacity of the buffer between logging threads and the sender (default 10,000); when full, events are dropped and reported.</summary>
    public int? QueueLimit { get; set; }

    /// <summary>More new alerts than this within <see cref="StormWindow"/> become one storm alert (default 10).</summary>
    public int? StormThreshold { get; set; }

    /// <summary>The window in which new alerts are counted for storm detection (default 1 min).</summary>
    public TimeSpan? StormWindow { get; set; }

    /// <summary>How long disposing the sink (e.g. <c>Log.CloseAndFlush()</c>) waits to deliver what is pending (default 10 s).</summary>
    public TimeSpan? ShutdownTimeout { get; set; }

    /// <summary>How many distinct alerts are tracked at once (default 10,000).</summary>
    public int? MaxTrackedKeys { get; set; }

    /// <summary>The property that carries an explicit dedup key (default <c>PagerDutyDedupKey</c>).</summary>
    public string DedupKeyPropertyName { get; set; } = CoreDefaults.DedupKeyPropertyName;

    /// <summary>The property that carries an explicit action: <c>trigger</c>, <c>acknowledge</c> or <c>resolve</c> (default <c>PagerDutyAction</c>).</summary>
    public string ActionPropertyName { get; set; } = CoreDefaults.ActionPropertyName;

    /// <summary>The property that carries links for one event: a URL, a list of URLs, or structures with <c>Href</c> and <c>Text</c> (default <c>PagerDutyLinks</c>).</summary>
    public string LinksPropertyName { get; set; } = CoreDefaults.LinksPropertyName;

    /// <summary>The property that carries images for one event: an https URL, a list of them, or structures with <c>Src</c>, <c>Href</c> and <c>Alt</c> (default <c>PagerDutyImages</c>).</summary>
    public string ImagesPropertyName { get; set; } = CoreDefaults.ImagesPropertyName;

    /// <summary>The property whose text replaces <see cref="Group"/> for one event (default <c>PagerDutyGroup</c>).</summary>
    public string GroupPropertyName { get; set; } = CoreDefaults.GroupPropertyName;

    /// <summary>Stack frames whose type starts with one of these are the application's own; when empty, every frame not excluded is.</summary>
    public IList<string> InAppInclude { get; } = new List<string>(CoreDefaults.InAppInclude);

    /// <summary>Stack frames whose type starts with one of these are framework frames, left out of fingerprints.</summary>
    public IList<string> InAppExclude { get; } = new List<string>(CoreDefaults.InAppExclude);

    /// <summary>Property names whose values are replaced by <c>[redacted]</c> in <c>custom_details</c> (case-insensitive).</summary>
    public ISet<string> RedactedProperties { get; } = new HashSet<string>(CoreDefaults.RedactedProperties, StringComparer.OrdinalIgnoreCase);

    /// <summary>Property names left out of <c>custom_details</c> entirely (case-insensitive).</summary>
    public ISet<string> ExcludedProperties { get; } = new HashSet<string>(CoreDefaults.ExcludedProperties, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Links added to every alert. <c>{SourceContext}</c>, <c>{Category}</c> or any <c>{PropertyName}</c> in
    /// <see cref="Link.Href"/> is filled from the event.
    /// </summary>
    public IList<Link> Links { get; } = new List<Link>();

    /// <summary>Images added to every alert (PagerDuty shows only https images).</summary>
    public IList<Image> Images { get; } = new List<Image>();

    /// <summary>
    /// <c>SourceContext</c> prefixes that never page. By default the HTTP stack the sink itself uses
    /// (<c>System.Net.Http.HttpClient</c>, <c>PagerDutySinks</c>, <c>Polly</c>), which would otherwise page about its own failures.
    /// </summary>
    public IList<string> IgnoredSourceContexts { get; } = new List<string>(CoreDefaults.IgnoredCategories);

    /// <summary>The handler HTTP requests go through (proxies, custom certificates). Not disposed by the sink.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>The clock for intervals, backoff and rate limiting; the system clock when not set.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
