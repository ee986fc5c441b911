using System;
using System.Collections.Generic;
using System.Net.Http;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// The settings the Serilog sink and the logging provider share: where alerts go and how they are grouped, throttled,
/// fingerprinted and filled in. A numeric or time setting left <see langword="null"/> keeps the default of
/// <see cref="AlertPipelineOptions"/> / <see cref="PagerDutyClientOptions"/>; the lists start with the core's defaults,
/// so they show the real values and can be added to or cleared.
/// </summary>
public abstract class PagerDutyLoggingOptions
{
    // The core owns the defaults; these settings start as copies of them.
    private static readonly AlertPipelineOptions CoreDefaults = new();

    /// <summary>
    /// The routing (integration) key of the PagerDuty service integration: 32 characters, and a secret. A
    /// <c>pagerduty://</c> connection URL is accepted too and also sets the endpoint, source, links and client it names.
    /// </summary>
    public string? RoutingKey { get; set; }

    /// <summary>Where to send: <c>us</c> (default), <c>eu</c>, or a base URL such as the local emulator's.</summary>
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

    /// <summary>How long disposing (e.g. <c>Log.CloseAndFlush()</c>, host shutdown) waits to deliver what is pending (default 10 s).</summary>
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

    /// <summary>Stack frames whose type starts with one of these are framework frames, left out of fingerprints (default <c>System.</c>, <c>Microsoft.</c>, …).</summary>
    public IList<string> InAppExclude { get; } = new List<string>(CoreDefaults.InAppExclude);

    /// <summary>Property names whose values are replaced by <c>[redacted]</c> in <c>custom_details</c> (case-insensitive; default password, token, …).</summary>
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
    /// The handler HTTP requests go through (proxies, custom certificates). Code only; not disposed. With the logging
    /// provider, create it once outside the configure callback: a different instance on reload starts a new pipeline.
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>The clock for intervals, backoff and rate limiting; the system clock when not set. Code only.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// The core pipeline's settings from these. Invalid values surface from <see cref="AlertPipelineOptions.Validate"/>,
    /// or here for the endpoint and a connection URL, named as the user wrote them.
    /// </summary>
    /// <param name="routingKeySettingName">How the user names <see cref="RoutingKey"/>, for messages.</param>
    /// <param name="endpointSettingName">How the user names <see cref="Endpoint"/>, for messages.</param>
    /// <returns>Settings to complete with what only the adapter knows (levels, severities, diagnostics).</returns>
    /// <exception cref="ArgumentException">The endpoint or a connection URL is invalid; a routing key in it is masked.</exception>
    protected AlertPipelineOptions CreatePipelineOptions(string routingKeySettingName, string endpointSettingName)
    {
        var client = new PagerDutyClientOptions { HttpMessageHandler = HttpMessageHandler };
        if (!string.IsNullOrWhiteSpace(Endpoint))
        {
            client.Endpoint = PagerDutyEndpoint.Parse(Endpoint!, AllowInsecureHttp, endpointSettingName);
        }

        if (RateLimitPerMinute is { } rateLimit)
        {
            client.RateLimitPerMinute = rateLimit;
        }

        if (TimeProvider is { } clock)
        {
            client.TimeProvider = clock;
        }

        var pipeline = new AlertPipelineOptions
        {
            Client = client,
            RoutingKey = RoutingKey ?? "",
            Source = Source,
            Group = Group,
            ClientName = ClientName,
            ClientUrl = ClientUrl,
            ResolveAfter = ResolveAfter,
            TimeProvider = TimeProvider,
            DedupKeyPropertyName = DedupKeyPropertyName ?? CoreDefaults.DedupKeyPropertyName,
            ActionPropertyName = ActionPropertyName ?? CoreDefaults.ActionPropertyName,
            LinksPropertyName = LinksPropertyName ?? CoreDefaults.LinksPropertyName,
            ImagesPropertyName = ImagesPropertyName ?? CoreDefaults.ImagesPropertyName,
            GroupPropertyName = GroupPropertyName ?? CoreDefaults.GroupPropertyName,
        };

        pipeline.QueueLimit = QueueLimit ?? pipeline.QueueLimit;
        pipeline.UpdateInterval = UpdateInterval ?? pipeline.UpdateInterval;
        pipeline.RepeatInterval = RepeatInterval ?? pipeline.RepeatInterval;
        pipeline.StormThreshold = StormThreshold ?? pipeline.StormThreshold;
        pipeline.StormWindow = StormWindow ?? pipeline.StormWindow;
        pipeline.ShutdownTimeout = ShutdownTimeout ?? pipeline.ShutdownTimeout;
        pipeline.MaxTrackedKeys = MaxTrackedKeys ?? pipeline.MaxTrackedKeys;

        ReplaceContents(pipeline.InAppInclude, InAppInclude);
        ReplaceContents(pipeline.InAppExclude, InAppExclude);
        ReplaceContents(pipeline.RedactedProperties, RedactedProperties);
        ReplaceContents(pipeline.ExcludedProperties, ExcludedProperties);
        ReplaceContents(pipeline.Links, Links);
        ReplaceContents(pipeline.Images, Images);

        // A pagerduty:// URL also carries the endpoint, source, links and client; a plain key is checked by Validate.
        if (PagerDutyConnection.IsConnectionUrl(RoutingKey))
        {
            RoutingKeySetting.ApplyTo(pipeline, RoutingKey, routingKeySettingName);
        }

        return pipeline;
    }

    private static void ReplaceContents<T>(ICollection<T> target, IEnumerable<T> source)
    {
        target.Clear();
        foreach (var item in source)
        {
            target.Add(item);
        }
    }
}
