using System;

namespace PagerDutySinks.Serilog.Tests.Support;

public static class TestRoutingKeys
{
    /// <summary>A fresh 32-character key, so that tests sharing an emulator (and the process-wide rate limiter) never meet.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");
}
