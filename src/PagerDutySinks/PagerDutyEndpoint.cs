using System;

namespace PagerDutySinks;

/// <summary>Where events are sent: PagerDuty's US or EU service, or any base URL such as the local emulator.</summary>
public sealed class PagerDutyEndpoint
{
    private const string Accepted = "Use 'us', 'eu', or an absolute https URL such as https://events.pagerduty.com (plain http only for localhost/127.0.0.1/::1).";

    /// <summary>PagerDuty's US service, <c>https://events.pagerduty.com</c>; the default.</summary>
    public static PagerDutyEndpoint UnitedStates { get; } = new(new Uri("https://events.pagerduty.com/"));

    /// <summary>PagerDuty's EU service, <c>https://events.eu.pagerduty.com</c>.</summary>
    public static PagerDutyEndpoint Europe { get; } = new(new Uri("https://events.eu.pagerduty.com/"));

    private PagerDutyEndpoint(Uri baseAddress) => BaseAddress = baseAddress;

    /// <summary>The base address; requests go to <c>v2/enqueue</c> and <c>v2/change/enqueue</c> under it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The alert events URL, <c>{base}/v2/enqueue</c>.</summary>
    public Uri EnqueueUri => new(BaseAddress, "v2/enqueue");

    /// <summary>The change events URL, <c>{base}/v2/change/enqueue</c>.</summary>
    public Uri ChangeEnqueueUri => new(BaseAddress, "v2/change/enqueue");

    /// <summary>Whether the endpoint is on this machine (localhost, 127.0.0.0/8, ::1).</summary>
    public bool IsLoopback => BaseAddress.IsLoopback;

    /// <summary>
    /// Parses <c>us</c>, <c>eu</c>, or an absolute http(s) base URL. http is accepted only for loopback hosts
    /// unless <paramref name="allowInsecureHttp"/> is set.
    /// </summary>
    /// <param name="value">The endpoint setting.</param>
    /// <param name="allowInsecureHttp">Allow plain http to a non-loopback host (not recommended).</param>
    /// <param name="settingName">The name of the setting, for the message.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ArgumentException">The value is not <c>us</c>, <c>eu</c> or a usable URL; the message says why.</exception>
    public static PagerDutyEndpoint Parse(string? value, bool allowInsecureHttp = false, string settingName = "endpoint")
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new ArgumentException($"'{settingName}' is empty. {Accepted}", settingName);
        }

        if (string.Equals(text, "us", StringComparison.OrdinalIgnoreCase))
        {
            return UnitedStates;
        }

        if (string.Equals(text, "eu", StringComparison.OrdinalIgnoreCase))
        {
            return Europe;
        }

        // "/path" parses as an absolute file URI on Unix, so the scheme is checked below rather than trusted.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !text!.Contains("://"))
        {
            throw new ArgumentException($"'{settingName}' value '{Shorten(text!)}' is neither 'us', 'eu' nor an absolute URL. {Accepted}", settingName);
        }

        return FromUri(uri, allowInsecureHttp, settingName);
    }

    /// <summary>An endpoint at an arbitrary base address (validated like <see cref="Parse"/>).</summary>
    /// <param name="baseAddress">The absolute base address.</param>
    /// <param name="allowInsecureHttp">Allow plain http to a non-loopback host.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ArgumentException">The address is relative, not http(s), or plain http to another machine.</exception>
    public static PagerDutyEndpoint Custom(Uri baseAddress, bool allowInsecureHttp = false)
    {
        Guard.NotNull(baseAddress, nameof(baseAddress));

        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{nameof(baseAddress)}' '{Shorten(baseAddress.OriginalString)}' is relative. {Accepted}", nameof(baseAddress));
        }

        return FromUri(baseAddress, allowInsecureHttp, nameof(baseAddress));
    }

    /// <inheritdoc />
    public override string ToString() => BaseAddress.ToString();

    private static PagerDutyEndpoint FromUri(Uri uri, bool allowInsecureHttp, string settingName)
    {
        var shown = Shorten(uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
        var isHttps = uri.Scheme == Uri.UriSchemeHttps;
        if (!isHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"'{settingName}' '{shown}' uses the '{uri.Scheme}' scheme; only https (or http) is supported. {Accepted}", settingName);
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{settingName}' '{shown}' has no host. {Accepted}", settingName);
        }

        if (!isHttps && !uri.IsLoopback && !allowInsecureHttp)
        {
            throw new ArgumentException(
                $"'{settingName}' '{shown}' uses plain http to a host that is not this machine, which would send the routing key unencrypted. " +
                "Use https, or allow insecure http explicitly if you really mean it.", settingName);
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new ArgumentException($"'{settingName}' '{shown}' must not have a query string or fragment; give only the base address. {Accepted}", settingName);
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new ArgumentException($"'{settingName}' must not contain user credentials; give only the base address. {Accepted}", settingName);
        }

        // Relative resolution of "v2/enqueue" replaces the last path segment unless the base ends with '/'.
        // A pasted full enqueue URL is reduced to its base, so the paths are not doubled.
        var builder = new UriBuilder(uri);
        var path = builder.Path.TrimEnd('/');
        foreach (var suffix in new[] { "/v2/change/enqueue", "/v2/enqueue", "/v2" })
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                path = path.Substring(0, path.Length - suffix.Length);
                break;
            }
        }

        builder.Path = path + "/";

        return new PagerDutyEndpoint(builder.Uri);
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text.Remove(99) + "…";
}
