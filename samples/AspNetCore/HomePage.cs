using System.Net;

namespace AspNetCore;

/// <summary>The landing page: what to click.</summary>
internal static class HomePage
{
    public static string Render(Uri? emulator)
    {
        var emulatorLink = emulator is null
            ? "<li>Alerts go to PagerDuty.</li>"
            : $"<li><a href=\"{WebUtility.HtmlEncode(emulator.ToString())}\">The local PagerDuty emulator</a>: the alerts raised</li>";
        return $"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>PagerDuty logging sample</title></head>
            <body>
            <h1>PagerDuty logging sample</h1>
            <ul>
            <li><a href="/orders/42">/orders/42</a>: fails and logs an error, which triggers alert <code>order-42</code></li>
            <li><a href="/recover?orderId=42">/recover?orderId=42</a>: logs a recovery that resolves it</li>
            {emulatorLink}
            </ul>
            </body></html>
            """;
    }
}
