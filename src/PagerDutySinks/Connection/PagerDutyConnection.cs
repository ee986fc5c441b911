using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using PagerDutySinks.Events;

namespace PagerDutySinks;

/// <summary>
/// A Shoutrrr-style connection URL, <c>pagerduty://[host[:port]]/integration-key[?query]</c>, parsed into everything needed
/// to send an event: where, with which routing key, and the event defaults (severity, source, action, dedup key,
/// details, links, images, client). Immutable. <see cref="ToString"/> never shows the key whole.
/// </summary>
/// <remarks>
/// The host defaults to <c>events.pagerduty.com</c> (<c>pagerduty:///KEY</c>). Loopback hosts (<c>localhost</c>,
/// <c>127.0.0.0/8</c>, <c>[::1]</c>) are reached over http, so the URL works with the local emulator; every other host
/// over https. Query keys are case-insensitive and their values URL-decoded (<c>%20</c> and <c>+</c> are spaces).
/// Every problem is reported as a <see cref="FormatException"/> naming the part at fault, with the key masked.
/// </remarks>
public sealed partial class PagerDutyConnection
{
    /// <summary>The URL scheme, <c>pagerduty</c>.</summary>
    public const string Scheme = "pagerduty";

    /// <summary>The host used when the URL names none, <c>events.pagerduty.com</c>.</summary>
    public const string DefaultHost = "events.pagerduty.com";

    /// <summary>The <c>source</c> used when the URL gives none, <c>default</c>.</summary>
    public const string DefaultSource = "default";

    private readonly JsonObject? _details;

    internal PagerDutyConnection(ConnectionParts parts)
    {
        Host = parts.Host;
        Port = parts.Port;
        Endpoint = parts.Endpoint;
        RoutingKey = parts.RoutingKey;
        Severity = parts.Severity;
        Source = parts.Source ?? DefaultSource;
        IsSourceSpecified = parts.Source is not null;
        Action = parts.Action;
        DedupKey = parts.DedupKey;
        _details = parts.Details;
        Links = parts.Links;
        Images = parts.Images;
        Client = parts.Client;
        ClientUrl = parts.ClientUrl;
    }

    /// <summary>The host name or address, without brackets for IPv6 (e.g. <c>events.pagerduty.com</c>, <c>::1</c>).</summary>
    public string Host { get; }

    /// <summary>The port: as written, else 443 (80 for loopback hosts, which use http).</summary>
    public int Port { get; }

    /// <summary>Where events are sent: http for loopback hosts, https for every other host.</summary>
    public PagerDutyEndpoint Endpoint { get; }

    /// <summary>The integration (routing) key, 32 characters. A secret: print it only through <see cref="PagerDutySinks.RoutingKey.Mask"/>.</summary>
    public string RoutingKey { get; }

    /// <summary>The <c>severity</c> of triggers (default <see cref="Events.Severity.Error"/>).</summary>
    public Severity Severity { get; }

    /// <summary>The <c>source</c> of events (default <c>default</c>).</summary>
    public string Source { get; }

    /// <summary>Whether the URL gave a <c>source</c>, rather than <see cref="Source"/> being the default.</summary>
    public bool IsSourceSpecified { get; }

    /// <summary>The <c>event_action</c> of alert events built by <see cref="ToAlertEvent(string, Events.Severity?, EventAction?, string?)"/> (default trigger).</summary>
    public EventAction Action { get; }

    /// <summary>The <c>dedup_key</c> of alert events, if the URL gives one.</summary>
    public string? DedupKey { get; }

    /// <summary>The <c>custom_details</c> of events, a JSON object, if the URL gives one. A copy: changing it changes nothing here.</summary>
    public JsonObject? Details => _details?.DeepClone().AsObject();

    /// <summary>The links added to every event (from <c>contexts</c>).</summary>
    public IReadOnlyList<Link> Links { get; }

    /// <summary>The images added to every event (from <c>contexts</c>).</summary>
    public IReadOnlyList<Image> Images { get; }

    /// <summary>The <c>client</c> name shown in PagerDuty, if given.</summary>
    public string? Client { get; }

    /// <summary>The <c>client_url</c> shown in PagerDuty, if given.</summary>
    public string? ClientUrl { get; }

    /// <summary>Whether <paramref name="value"/> is meant as a connection URL (starts with <c>pagerduty://</c>, any case) rather than a bare routing key.</summary>
    /// <param name="value">A routing key setting.</param>
    /// <returns><see langword="true"/> when the value should be parsed with <see cref="TryParse"/>.</returns>
    public static bool IsConnectionUrl(string? value) =>
        value is not null && value.TrimStart().StartsWith(Scheme + "://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a connection URL.</summary>
    /// <param name="url">The URL, e.g. <c>pagerduty:///0123456789abcdef0123456789abcdef?severity=critical</c>.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="FormatException">The URL is invalid; the message names the part at fault and never contains the key whole.</exception>
    public static PagerDutyConnection Parse(string url) =>
        TryParse(url, out var connection, out var error) ? connection! : throw new FormatException(error);

    /// <summary>Parses a connection URL given as a <see cref="Uri"/> (its original text is parsed).</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="FormatException">The URL is invalid.</exception>
    public static PagerDutyConnection Parse(Uri url) =>
        Parse((url ?? throw new ArgumentNullException(nameof(url))).OriginalString);

    /// <summary>Parses a connection URL without throwing.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="connection">The connection, or <see langword="null"/> when the URL is invalid.</param>
    /// <param name="error">Why the URL is invalid (naming the part at fault, key masked), or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the URL is valid.</returns>
    public static bool TryParse(string? url, out PagerDutyConnection? connection, out string? error)
    {
        connection = null;
        if (!ConnectionUrlParser.TryParse(url, out var parts, out error))
        {
            return false;
        }

        connection = new PagerDutyConnection(parts!);
        return true;
    }

    /// <summary>The connection as a URL. The key is included only when <paramref name="includeKey"/> is set; otherwise it is masked.</summary>
    /// <param name="includeKey">Include the whole routing key (the URL is then a secret).</param>
    /// <returns>A URL that <see cref="Parse(Uri)"/> reads back to the same connection when the key is included.</returns>
    public Uri ToUri(bool includeKey = false) => new(ConnectionUrlFormatter.Format(this, includeKey, _details));

    /// <summary>The connection as a URL with the routing key masked; safe to log.</summary>
    /// <returns>The masked URL.</returns>
    public override string ToString() => ConnectionUrlFormatter.Format(this, includeKey: false, _details);
}
