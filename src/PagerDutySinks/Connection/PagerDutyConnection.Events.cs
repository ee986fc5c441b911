using System;
using System.Collections.Generic;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks;

public sealed partial class PagerDutyConnection
{
    /// <summary>
    /// An alert event with this connection's defaults. For a trigger, the payload (summary, source, severity, details),
    /// links, images and client come from the connection; acknowledge and resolve carry only the routing key and dedup key.
    /// The result is a fresh object the caller may change.
    /// </summary>
    /// <param name="summary">The alert summary (required for a trigger; ignored otherwise).</param>
    /// <param name="severity">Overrides <see cref="Severity"/>.</param>
    /// <param name="action">Overrides <see cref="Action"/>.</param>
    /// <param name="dedupKey">Overrides <see cref="DedupKey"/>.</param>
    /// <returns>The event, ready for <see cref="PagerDutyClient.SendAsync"/>.</returns>
    /// <exception cref="ArgumentException">A trigger without a summary, or an acknowledge or resolve without a dedup key.</exception>
    public AlertEvent ToAlertEvent(string summary, Severity? severity = null, EventAction? action = null, string? dedupKey = null)
    {
        var eventAction = action ?? Action;
        var key = dedupKey ?? DedupKey;
        var alert = new AlertEvent { RoutingKey = RoutingKey, EventAction = eventAction, DedupKey = key };
        if (eventAction != EventAction.Trigger)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException("An " + eventAction.ToWire() + " event needs a dedup key.", nameof(dedupKey));
            }

            return alert;
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new ArgumentException("A trigger needs a summary.", nameof(summary));
        }

        alert.Payload = new AlertPayload
        {
            Summary = summary,
            Source = Source,
            Severity = severity ?? Severity,
            CustomDetails = Details,
        };
        alert.Client = Client;
        alert.ClientUrl = ClientUrl;
        alert.Links = CopyLinks();
        alert.Images = CopyImages();
        return alert;
    }

    /// <summary>An acknowledge event for the alert with <paramref name="dedupKey"/>.</summary>
    /// <param name="dedupKey">The alert's dedup key.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException"><paramref name="dedupKey"/> is empty.</exception>
    public AlertEvent ToAcknowledgeEvent(string dedupKey) => ToAlertEvent("", action: EventAction.Acknowledge, dedupKey: RequireKey(dedupKey));

    /// <summary>A resolve event for the alert with <paramref name="dedupKey"/>.</summary>
    /// <param name="dedupKey">The alert's dedup key.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException"><paramref name="dedupKey"/> is empty.</exception>
    public AlertEvent ToResolveEvent(string dedupKey) => ToAlertEvent("", action: EventAction.Resolve, dedupKey: RequireKey(dedupKey));

    /// <summary>A change event with this connection's source, details, links and images. The result is a fresh object.</summary>
    /// <param name="summary">What changed.</param>
    /// <returns>The event, ready for <see cref="PagerDutyClient.SendChangeAsync"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="summary"/> is empty.</exception>
    public ChangeEvent ToChangeEvent(string summary)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new ArgumentException("A change event needs a summary.", nameof(summary));
        }

        return new ChangeEvent
        {
            RoutingKey = RoutingKey,
            Payload = new ChangeEventPayload { Summary = summary, Source = Source, CustomDetails = Details },
            Links = CopyLinks(),
            Images = CopyImages(),
        };
    }

    /// <summary>Client settings pointing at this connection's endpoint, other settings at their defaults.</summary>
    /// <returns>New client options.</returns>
    public PagerDutyClientOptions ToClientOptions() => new() { Endpoint = Endpoint };

    /// <summary>
    /// Copies what the connection says into pipeline settings: routing key, endpoint, and (when the URL gives them)
    /// source, links, images, client and client URL. For adapters whose routing key setting holds a <c>pagerduty://</c> URL.
    /// </summary>
    /// <param name="options">The settings to fill.</param>
    public void ApplyTo(AlertPipelineOptions options)
    {
        _ = options ?? throw new ArgumentNullException(nameof(options));
        options.RoutingKey = RoutingKey;
        options.Client.Endpoint = Endpoint;
        if (IsSourceSpecified)
        {
            options.Source = Source;
        }

        foreach (var link in CopyLinks())
        {
            options.Links.Add(link);
        }

        foreach (var image in CopyImages())
        {
            options.Images.Add(image);
        }

        options.ClientName = Client ?? options.ClientName;
        options.ClientUrl = ClientUrl ?? options.ClientUrl;
    }

    private static string RequireKey(string dedupKey) =>
        string.IsNullOrWhiteSpace(dedupKey) ? throw new ArgumentException("A dedup key is required.", nameof(dedupKey)) : dedupKey;

    private List<Link> CopyLinks()
    {
        var copy = new List<Link>(Links.Count);
        foreach (var link in Links)
        {
            copy.Add(new Link { Href = link.Href, Text = link.Text });
        }

        return copy;
    }

    private List<Image> CopyImages()
    {
        var copy = new List<Image>(Images.Count);
        foreach (var image in Images)
        {
            copy.Add(new Image { Src = image.Src, Href = image.Href, Alt = image.Alt });
        }

        return copy;
    }
}
