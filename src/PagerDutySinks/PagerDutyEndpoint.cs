using System;

namespace PagerDutySinks;

/// <summary>Where events are sent: PagerDuty's US or EU service, or any base URL such as the local emulator.</summary>
public sealed class PagerDutyEndpoint
{
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
    public static PagerDutyEndpoint Parse(string? value, bool allowInsecureHttp = false, string settingName = "endpoint") => throw new NotImplementedException();

    /// <summary>An endpoint at an arbitrary base address (validated like <see cref="Parse"/>).</summary>
    /// <param name="baseAddress">The absolute base address.</param>
    /// <param name="allowInsecureHttp">Allow plain http to a non-loopback host.</param>
    /// <returns>The endpoint.</returns>
    public static PagerDutyEndpoint Custom(Uri baseAddress, bool allowInsecureHttp = false) => throw new NotImplementedException();

    /// <inheritdoc />
    public override string ToString() => BaseAddress.ToString();
}
