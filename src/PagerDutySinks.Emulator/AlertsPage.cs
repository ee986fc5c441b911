using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace PagerDutySinks.Emulator;

/// <summary>The self-contained HTML page at <c>/</c>: every alert with its log entries. Everything shown is HTML-encoded, routing keys masked.</summary>
internal static class AlertsPage
{
    public static string Render(IReadOnlyList<EmulatedAlert> alerts, EmulatorStatistics stats)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>PagerDuty emulator</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
            table{border-collapse:collapse;width:100%;margin-bottom:1rem}
            th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
            th{background:#f3f3f3}
            .triggered{color:#b00020;font-weight:bold}.acknowledged{color:#a66300;font-weight:bold}.resolved{color:#2e7d32}
            details{margin-top:.2rem}code{font-size:.85rem;white-space:pre-wrap}
            </style></head><body>
            <h1>PagerDuty emulator</h1>
            """);
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Received {stats.Received}: accepted {stats.Accepted}, rejected {stats.Rejected}, throttled {stats.Throttled}, injected failures {stats.InjectedFailures}, dropped {stats.Dropped}. ");
        html.Append(CultureInfo.InvariantCulture,
            $"Alerts: {stats.AlertsTriggered} triggered, {stats.AlertsAcknowledged} acknowledged, {stats.AlertsResolved} resolved. Change events: {stats.ChangeEvents}.</p>");

        if (alerts.Count == 0)
        {
            html.Append("<p>No alerts yet.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>Status</th><th>Severity</th><th>Summary</th><th>Dedup key</th><th>Routing key</th><th>Opened</th><th>Log entries</th></tr></thead><tbody>");
            foreach (var alert in alerts.Reverse())
            {
                AppendAlert(html, alert);
            }

            html.Append("</tbody></table>");
        }

        html.Append("<p>JSON: <a href=\"/api/alerts\">/api/alerts</a> · <a href=\"/api/events\">/api/events</a> · <a href=\"/api/stats\">/api/stats</a></p></body></html>");
        return html.ToString();
    }

    private static void AppendAlert(StringBuilder html, EmulatedAlert alert)
    {
        var status = EmulatorJson.StatusName(alert.Status);
        html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"{status}\">{status}</td>");
        html.Append(CultureInfo.InvariantCulture, $"<td>{Encode(alert.Severity)}</td><td>{Encode(alert.Summary)}</td>");
        html.Append(CultureInfo.InvariantCulture, $"<td><code>{Encode(alert.DedupKey)}</code></td><td><code>{Encode(KeyMask.Mask(alert.RoutingKey))}</code></td>");
        html.Append(CultureInfo.InvariantCulture, $"<td>{Encode(alert.CreatedAt.ToString("u", CultureInfo.InvariantCulture))}</td>");
        html.Append(CultureInfo.InvariantCulture, $"<td>{alert.LogEntries.Count} ({alert.TriggerCount} triggers)<details><summary>entries</summary><ol>");
        foreach (var entry in alert.LogEntries)
        {
            var summary = entry.Body?["payload"]?["summary"] is { } s && s.GetValueKind() == System.Text.Json.JsonValueKind.String ? s.GetValue<string>() : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<li>{Encode(entry.ReceivedAt.ToString("u", CultureInfo.InvariantCulture))} <b>{Encode(entry.EventAction ?? "")}</b> {Encode(summary)}</li>");
        }

        html.Append("</ol></details></td></tr>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
