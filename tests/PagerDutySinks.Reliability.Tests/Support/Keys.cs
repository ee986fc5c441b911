using System;

namespace PagerDutySinks.Reliability.Tests.Support;

internal static class Keys
{
    /// <summary>A fresh 32-character routing key: rate limiters are shared per key process-wide, so no two tests share one.</summary>
    public static string NewRoutingKey() => Guid.NewGuid().ToString("N");

    /// <summary>The instant every fake clock starts at.</summary>
    public static DateTimeOffset ClockStart { get; } = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
}
