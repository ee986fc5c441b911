using System;

namespace PagerDutySinks.Emulator;

/// <summary>Settings of a <see cref="PagerDutyEmulator"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The URL to listen on; <c>http://127.0.0.1:0</c> (a free loopback port) by default.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>Requests accepted per routing key in any 60-second look-back window before answering 429 (default 120); 0 turns the limit off.</summary>
    public int RateLimitPerMinute { get; set; } = 120;

    /// <summary>
    /// Whether rate-limit 429s carry a <c>Retry-After</c> header (whole seconds until the window has room). PagerDuty
    /// documents none, so the default is <see langword="false"/>.
    /// </summary>
    public bool SendRetryAfterWhenThrottling { get; set; }

    /// <summary>The emulator's clock, for the rate-limit window and timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
