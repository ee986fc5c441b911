using System;
using PagerDutySinks.Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace Serilog;

/// <summary><c>WriteTo.PagerDuty(...)</c>: sends error events to PagerDuty as alerts.</summary>
public static class LoggerConfigurationPagerDutyExtensions
{
    /// <summary>
    /// Sends events at or above <paramref name="restrictedToMinimumLevel"/> to PagerDuty as alerts, grouped by
    /// exception fingerprint, rate-limited and retried in the background. Every parameter is a plain value so that
    /// <c>Serilog.Settings.Configuration</c> can bind it from JSON (<c>"Name": "PagerDuty"</c>).
    /// </summary>
    /// <param name="sinkConfiguration">The <c>WriteTo</c> configuration.</param>
    /// <param name="routingKey">The routing (integration) key of the PagerDuty service integration: 32 characters, a secret.</param>
    /// <param name="restrictedToMinimumLevel">The lowest level that pages (default <see cref="LogEventLevel.Error"/>); ignored when <paramref name="levelSwitch"/> is given.</param>
    /// <param name="levelSwitch">A switch that sets the lowest level that pages, changeable at run time.</param>
    /// <param name="source"><c>payload.source</c>, the affected system; the machine name when not set.</param>
    /// <param name="endpoint"><c>us</c> (default), <c>eu</c>, or a base URL such as a local emulator's.</param>
    /// <param name="rateLimitPerMinute">Requests per minute per routing key (default 120, PagerDuty's limit).</param>
    /// <param name="updateInterval">At most one update per alert per interval while its error keeps occurring (default 5 min, JSON <c>"00:05:00"</c>).</param>
    /// <param name="repeatInterval">A fresh trigger per alert at this interval while its error keeps occurring (default 4 h).</param>
    /// <param name="resolveAfter">Resolve an alert after this quiet period; never when not set (the default).</param>
    /// <param name="queueLimit">Capacity of the buffer between logging threads and the sender (default 10,000); beyond it events are dropped and reported.</param>
    /// <param name="stormThreshold">More new alerts than this within the storm window become one storm alert (default 10).</param>
    /// <param name="group"><c>payload.group</c> for every alert, e.g. the application or cluster name.</param>
    /// <param name="client">The <c>client</c> name shown on the alert.</param>
    /// <param name="clientUrl">The <c>client_url</c> shown on the alert, e.g. a link to your log search.</param>
    /// <param name="allowInsecureHttp">Allow a plain-http <paramref name="endpoint"/> to a host other than this machine (not recommended).</param>
    /// <param name="stormWindow">The window in which new alerts are counted for storm detection (default 1 min).</param>
    /// <param name="shutdownTimeout">How long closing the logger waits to deliver what is pending (default 10 s).</param>
    /// <returns>The logger configuration, to chain further settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sinkConfiguration"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A setting is invalid (routing key, endpoint, a zero or negative limit); the message names it, with the key masked.</exception>
    public static LoggerConfiguration PagerDuty(
        this LoggerSinkConfiguration sinkConfiguration,
        string routingKey,
        LogEventLevel restrictedToMinimumLevel = LogEventLevel.Error,
        LoggingLevelSwitch? levelSwitch = null,
        string? source = null,
        string? endpoint = null,
        int? rateLimitPerMinute = null,
        TimeSpan? updateInterval = null,
        TimeSpan? repeatInterval = null,
        TimeSpan? resolveAfter = null,
        int? queueLimit = null,
        int? stormThreshold = null,
        string? group = null,
        string? client = null,
        string? clientUrl = null,
        bool allowInsecureHttp = false,
        TimeSpan? stormWindow = null,
        TimeSpan? shutdownTimeout = null)
    {
        Guard.NotNull(sinkConfiguration, nameof(sinkConfiguration));

        var options = new PagerDutySinkOptions
        {
            RoutingKey = routingKey,
            Source = source,
            Endpoint = endpoint,
            AllowInsecureHttp = allowInsecureHttp,
            RateLimitPerMinute = rateLimitPerMinute,
            UpdateInterval = updateInterval,
            RepeatInterval = repeatInterval,
            ResolveAfter = resolveAfter,
            QueueLimit = queueLimit,
            StormThreshold = stormThreshold,
            StormWindow = stormWindow,
            ShutdownTimeout = shutdownTimeout,
            Group = group,
            ClientName = client,
            ClientUrl = clientUrl,
        };
        return sinkConfiguration.PagerDuty(options, restrictedToMinimumLevel, levelSwitch);
    }

    /// <summary>Sends events at or above <paramref name="restrictedToMinimumLevel"/> to PagerDuty as alerts, with every setting available.</summary>
    /// <param name="sinkConfiguration">The <c>WriteTo</c> configuration.</param>
    /// <param name="options">The settings; <see cref="PagerDutySinks.Pipeline.PagerDutyLoggingOptions.RoutingKey"/> is required.</param>
    /// <param name="restrictedToMinimumLevel">The lowest level that pages (default <see cref="LogEventLevel.Error"/>); ignored when <paramref name="levelSwitch"/> is given.</param>
    /// <param name="levelSwitch">A switch that sets the lowest level that pages, changeable at run time.</param>
    /// <returns>The logger configuration, to chain further settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sinkConfiguration"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it, with the routing key masked.</exception>
    public static LoggerConfiguration PagerDuty(
        this LoggerSinkConfiguration sinkConfiguration,
        PagerDutySinkOptions options,
        LogEventLevel restrictedToMinimumLevel = LogEventLevel.Error,
        LoggingLevelSwitch? levelSwitch = null)
    {
        Guard.NotNull(sinkConfiguration, nameof(sinkConfiguration));

        Guard.NotNull(options, nameof(options));

        // The sink applies the level itself: Serilog's level wrapper would hide ISetLoggingFailureListener from WriteTo.Fallible.
        return sinkConfiguration.Sink(new PagerDutySink(options, restrictedToMinimumLevel, levelSwitch));
    }
}
