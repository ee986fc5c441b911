using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace Quickstart;

/// <summary>The closing report: what reached PagerDuty (read from the emulator's API) beside what a naive sink would have done.</summary>
internal static class QuickstartReport
{
    public static async Task PrintAsync(PagerDutyEmulator? emulator, IncidentCounters counters, PipelineMeter meter, QuickstartSettings settings, CancellationToken cancellationToken)
    {
        var qualifying = counters.Qualifying;
        Console.WriteLine();
        if (emulator is null)
        {
            Row("Measure", "PagerDutySinks", "");
            Row("Log events written", counters.Written.ToString("N0", CultureInfo.InvariantCulture), "");
            Row("Qualifying events (Error and above)", qualifying.ToString("N0", CultureInfo.InvariantCulture), "");
            Row("Events sent to PagerDuty", meter.Total("sent").ToString("N0", CultureInfo.InvariantCulture), "");
            Row("Events coalesced into open alerts", meter.Total("coalesced").ToString("N0", CultureInfo.InvariantCulture), "");
            Row("Events dropped", meter.Total("dropped").ToString("N0", CultureInfo.InvariantCulture), "");
            Console.WriteLine();
            Console.WriteLine("See the alerts in PagerDuty.");
            return;
        }

        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var stats = JsonNode.Parse(await http.GetStringAsync(new Uri("api/stats", UriKind.Relative), cancellationToken))!;
        var alerts = JsonNode.Parse(await http.GetStringAsync(new Uri("api/alerts", UriKind.Relative), cancellationToken))!.AsArray();
        var events = JsonNode.Parse(await http.GetStringAsync(new Uri("api/events", UriKind.Relative), cancellationToken))!.AsArray();

        var requests = (int)stats["received"]!;
        var peak = stats["routing_keys"]!.AsArray().Select(k => (int)k!["peak_requests_per_minute"]!).DefaultIfEmpty(0).Max();
        var resolved = alerts.Count(a => (string?)a!["status"] == "resolved");
        var firstPage = events
            .Where(e => (int)e!["status_code"]! == 202 && (string?)e["event_action"] == "trigger")
            .Select(e => DateTimeOffset.Parse((string)e!["received_at"]!, CultureInfo.InvariantCulture))
            .DefaultIfEmpty()
            .Min();
        var timeToPage = counters.FirstErrorAt is { } firstError && firstPage != default
            ? $"{Math.Max(0, (firstPage - firstError).TotalMilliseconds):F0} ms"
            : "–";
        var limit = settings.RateLimitPerMinute;
        var naivePeak = qualifying;
        var naiveOverLimit = Math.Max(0, naivePeak - limit);

        Row("Measure", "PagerDutySinks", "Naive sink (one request per event)");
        Row(new string('-', 38), new string('-', 22), new string('-', 36));
        Row("Log events written", N(counters.Written), N(counters.Written));
        Row("Qualifying events (Error and above)", N(qualifying), N(qualifying));
        Row("Alerts opened", N(alerts.Count), N(qualifying) + " (no dedup key: one per event)");
        Row("HTTP requests sent", N(requests), N(qualifying));
        Row("Peak requests in any 60 s", $"{N(peak)} (limit {N(limit)})", $"{N(naivePeak)} ({(double)naivePeak / limit:F0}× the limit)");
        Row("Events dropped", N(meter.Total("dropped")), $"{N(naiveOverLimit)} (answered 429)");
        Row("Events coalesced into open alerts", N(meter.Total("coalesced")), "0");
        Row("Time from first error to first page", timeToPage, "about the same, until throttled");
        Row("Alerts resolved", N(resolved), "0 (never resolves)");
        Console.WriteLine();
        Console.WriteLine("Alerts:");
        foreach (var alert in alerts)
        {
            Console.WriteLine($"  {(string?)alert!["status"],-12} {(string?)alert["severity"],-9} x{(int)alert["trigger_count"]!,-4} {Shorten((string?)alert["summary"], 90)}");
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Shorten(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..(max - 1)] + "…";

    private static void Row(string measure, string ours, string naive) => Console.WriteLine($"  {measure,-38} {ours,-22} {naive}");
}
