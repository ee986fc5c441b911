using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>
/// Settings of the PagerDuty logging provider, bound from the <c>Logging:PagerDuty</c> configuration section.
/// Which levels and categories page is decided by the usual logging filter rules (<c>Logging:PagerDuty:LogLevel</c>),
/// Error and above by default. Settings left unset keep the defaults of <see cref="AlertPipelineOptions"/>.
/// </summary>
public sealed class PagerDutyLoggerOptions
{
    /// <summary>The routing (integration) key: 32 characters. Required.</summary>
    public string? RoutingKey { get; set; }

    /// <summary>Where to send: <c>us</c> (default), <c>eu</c>, or a base URL such as a local emulator's.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Allow a plain-http <see cref="Endpoint"/> on a host other than this machine (not recommended).</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary><c>payload.source</c>; the machine name when not set.</summary>
    public string? Source { get; set; }

    /// <summary><c>payload.group</c>, if any.</summary>
    public string? Group { get; set; }

    /// <summary>PagerDuty severity per log level, e.g. <c>"Warning": "error"</c>; levels not listed use the default map
    /// (Information and below → info, Warning → warning, Error → error, Critical → critical).</summary>
    public Dictionary<LogLevel, Severity> SeverityMap { get; } = new();

    /// <summary>Requests per minute allowed per routing key (default 120, PagerDuty's limit).</summary>
    public int? RateLimitPerMinute { get; set; }

    /// <summary>At most one update per dedup key per interval while it keeps occurring (default 5 min).</summary>
    public TimeSpan? UpdateInterval { get; set; }

    /// <summary>A fresh trigger per dedup key at this interval while it keeps occurring (default 4 h).</summary>
    public TimeSpan? RepeatInterval { get; set; }

    /// <summary>Resolve an alert after this quiet period; off when not set (default).</summary>
    public TimeSpan? ResolveAfter { get; set; }

    /// <summary>Capacity of the buffer between logging threads and the sender (default 10,000); beyond it events are dropped and counted.</summary>
    public int? QueueLimit { get; set; }

    /// <summary>More new dedup keys than this within a minute become one storm alert (default 10).</summary>
    public int? StormThreshold { get; set; }

    /// <summary>How long disposal of the provider (host shutdown) waits to deliver pending alerts (default 10 s).</summary>
    public TimeSpan? ShutdownTimeout { get; set; }

    /// <summary>State or scope property carrying an explicit dedup key (default <c>PagerDutyDedupKey</c>).</summary>
    public string? DedupKeyPropertyName { get; set; }

    /// <summary>State or scope property carrying an explicit action: trigger, acknowledge or resolve (default <c>PagerDutyAction</c>).</summary>
    public string? ActionPropertyName { get; set; }

    /// <summary>State or scope property carrying links for one event: a URL, a list of URLs, or objects with <c>Href</c> and <c>Text</c> (default <c>PagerDutyLinks</c>).</summary>
    public string? LinksPropertyName { get; set; }

    /// <summary>State or scope property carrying images for one event: an https URL, a list of them, or objects with <c>Src</c>, <c>Href</c> and <c>Alt</c> (default <c>PagerDutyImages</c>).</summary>
    public string? ImagesPropertyName { get; set; }

    /// <summary>State or scope property whose text replaces <see cref="Group"/> for one event (default <c>PagerDutyGroup</c>).</summary>
    public string? GroupPropertyName { get; set; }

    /// <summary>Type-name prefixes of the application's own stack frames, for exception fingerprints.</summary>
    public List<string> InAppInclude { get; } = new();

    /// <summary>Type-name prefixes of framework stack frames left out of fingerprints, in addition to the defaults (System., Microsoft., …).</summary>
    public List<string> InAppExclude { get; } = new();

    /// <summary>Links added to every alert; <c>{Category}</c> and <c>{PropertyName}</c> placeholders in <c>Href</c> are filled from the event.</summary>
    public List<Link> Links { get; } = new();

    /// <summary>Images added to every alert.</summary>
    public List<Image> Images { get; } = new();

    /// <summary>The <c>client</c> name shown in PagerDuty.</summary>
    public string? ClientName { get; set; }

    /// <summary>The <c>client_url</c> shown in PagerDuty.</summary>
    public string? ClientUrl { get; set; }

    /// <summary>Property names whose values are replaced by <c>[redacted]</c>, in addition to the defaults (password, token, …).</summary>
    public List<string> RedactedProperties { get; } = new();

    /// <summary>Property names left out of <c>custom_details</c> entirely.</summary>
    public List<string> ExcludedProperties { get; } = new();

    /// <summary>Whether logging scopes are added to <c>custom_details</c> (default <see langword="true"/>).</summary>
    public bool IncludeScopes { get; set; } = true;

    /// <summary>
    /// The HTTP handler requests go through (proxy, certificates). Not bound from configuration; create it once, outside
    /// the configure callback, since a different handler instance starts a new pipeline. Not disposed by the provider.
    /// </summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>The clock of the pipeline (intervals, backoff, rate limit); <see cref="TimeProvider.System"/> when not set. Not bound from configuration.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Receives the provider's problems (dropped, rejected or undelivered alerts, configuration errors found at run time)
    /// instead of the logging path. Never log through <c>ILogger</c> from it: that would loop. Routing keys in it are masked.
    /// </summary>
    public Action<PagerDutyDiagnostic>? OnDiagnostic { get; set; }
}
