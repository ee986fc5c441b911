using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Tests.Emulator;

public sealed class InspectionTests : EmulatorTestBase
{
    private const string MaskedKey = "0123…cdef";

    [Fact]
    public async Task Api_alerts_lists_alerts_with_masked_routing_keys()
    {
        (await PostAsync("v2/enqueue", Trigger("db/disk", "Disk <full>"))).Dispose();
        (await PostAsync("v2/enqueue", Action("acknowledge", "db/disk"))).Dispose();

        var text = await Http.GetStringAsync("api/alerts");

        Assert.DoesNotContain(RoutingKey, text, StringComparison.Ordinal);
        var alert = JsonNode.Parse(text)!.AsArray().Single()!;
        Assert.Equal(MaskedKey, (string?)alert["routing_key"]);
        Assert.Equal("db/disk", (string?)alert["dedup_key"]);
        Assert.Equal("acknowledged", (string?)alert["status"]);
        Assert.Equal("Disk <full>", (string?)alert["summary"]);
        Assert.Equal("error", (string?)alert["severity"]);
        Assert.Equal(2, alert["log_entries"]!.AsArray().Count);
        Assert.Equal(MaskedKey, (string?)alert["log_entries"]![0]!["body"]!["routing_key"]);
    }

    [Fact]
    public async Task Api_events_lists_every_request_with_its_outcome()
    {
        (await PostAsync("v2/enqueue", Trigger())).Dispose();
        (await PostAsync("v2/enqueue", "{oops")).Dispose();

        var text = await Http.GetStringAsync("api/events");

        Assert.DoesNotContain(RoutingKey, text, StringComparison.Ordinal);
        var events = JsonNode.Parse(text)!.AsArray();
        Assert.Equal(2, events.Count);
        Assert.Equal(202, (int)events[0]!["status_code"]!);
        Assert.Equal("Accepted", (string?)events[0]!["outcome"]);
        Assert.Equal(MaskedKey, (string?)events[0]!["routing_key"]);
        Assert.Equal("trigger", (string?)events[0]!["event_action"]);
        Assert.Equal("/v2/enqueue", (string?)events[0]!["path"]);
        Assert.Equal("Rejected", (string?)events[1]!["outcome"]);
        Assert.Equal("JSON parse error", (string?)events[1]!["errors"]![0]);
        Assert.Null(events[1]!["body"]);
    }

    [Fact]
    public async Task Api_stats_counts_outcomes_alerts_and_peaks()
    {
        (await PostAsync("v2/enqueue", Trigger("a"))).Dispose();
        (await PostAsync("v2/enqueue", Trigger("b"))).Dispose();
        (await PostAsync("v2/enqueue", Action("resolve", "b"))).Dispose();
        (await PostAsync("v2/enqueue", Trigger("c", summary: ""))).Dispose();
        (await PostAsync("v2/change/enqueue", SpecExamples.GitChangeEvent)).Dispose();

        var stats = JsonNode.Parse(await Http.GetStringAsync("api/stats"))!;

        Assert.Equal(5, (int)stats["received"]!);
        Assert.Equal(4, (int)stats["accepted"]!);
        Assert.Equal(1, (int)stats["rejected"]!);
        Assert.Equal(0, (int)stats["throttled"]!);
        Assert.Equal(1, (int)stats["change_events"]!);
        Assert.Equal(1, (int)stats["alerts"]!["triggered"]!);
        Assert.Equal(1, (int)stats["alerts"]!["resolved"]!);
        var keys = stats["routing_keys"]!.AsArray();
        Assert.Equal(2, keys.Count);
        var ours = keys.Single(k => (string?)k!["routing_key"] == MaskedKey)!;
        Assert.Equal(4, (int)ours["peak_requests_per_minute"]!);
        Assert.Contains(keys, k => (string?)k!["routing_key"] == "737e…8au1");
    }

    [Fact]
    public async Task The_page_lists_alerts_html_encoded_with_masked_keys()
    {
        (await PostAsync("v2/enqueue", Trigger("<b>dedup</b>", "<script>alert('x')</script> & more"))).Dispose();
        (await PostAsync("v2/enqueue", Trigger("<b>dedup</b>", "second"))).Dispose();

        using var response = await Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;dedup&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>dedup</b>", html, StringComparison.Ordinal);
        Assert.Contains(MaskedKey, html, StringComparison.Ordinal);
        Assert.DoesNotContain(RoutingKey, html, StringComparison.Ordinal);
        Assert.Contains(">triggered<", html, StringComparison.Ordinal);
        Assert.Contains(">error<", html, StringComparison.Ordinal);
        Assert.Contains("2 (2 triggers)", html, StringComparison.Ordinal);
        Assert.Contains("second", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_says_when_there_are_no_alerts()
    {
        var html = await Http.GetStringAsync("/");

        Assert.Contains("No alerts yet.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_reset_forgets_everything()
    {
        (await PostAsync("v2/enqueue", Trigger())).Dispose();
        Emulator.Faults.SetLatency(TimeSpan.FromSeconds(1));

        using var response = await Http.PostAsync("api/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(Emulator.Alerts);
        Assert.Empty(Emulator.Events);
        Assert.Equal(TimeSpan.Zero, Emulator.Faults.Latency);
    }

    [Fact]
    public async Task Api_faults_sets_and_clears_faults_for_other_processes()
    {
        using var set = await PostAsync("api/faults", """{"failNext":{"count":1,"status":503,"retryAfterSeconds":3},"dropNext":1,"latencyMs":0}""");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(2, (int)(await ReadJsonAsync(set))["pending"]!);

        using var failed = await PostAsync("v2/enqueue", Trigger());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), failed.Headers.RetryAfter?.Delta);
        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync("v2/enqueue", Trigger()));

        using var again = await PostAsync("api/faults", """{"failNext":{"count":4,"status":500,"body":"<html>oops</html>","contentType":"text/html"},"latencyMs":250}""");
        Assert.Equal(250, (int)(await ReadJsonAsync(again))["latency_ms"]!);
        Assert.Equal(4, Emulator.Faults.Pending);

        using var cleared = await Http.DeleteAsync("api/faults");
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(0, Emulator.Faults.Pending);
        Assert.Equal(TimeSpan.Zero, Emulator.Faults.Latency);
        using var accepted = await PostAsync("v2/enqueue", Trigger());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"failNext\":{\"count\":1}}")]
    [InlineData("{\"failNext\":{\"count\":1,\"status\":999}}")]
    [InlineData("{\"dropNext\":-1}")]
    [InlineData("{\"latencyMs\":\"slow\"}")]
    [InlineData("not json")]
    public async Task Api_faults_rejects_bad_requests_without_applying_any_part(string body)
    {
        using var response = await PostAsync("api/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid fault", (string?)(await ReadJsonAsync(response))["status"]);
        Assert.Equal(0, Emulator.Faults.Pending);
    }

    [Fact]
    public async Task Faults_do_not_touch_the_inspection_endpoints()
    {
        Emulator.Faults.FailNext(1, 500);

        using var response = await Http.GetAsync("api/alerts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Emulator.Faults.Pending);
    }

    [Fact]
    public async Task Unknown_paths_and_methods_are_not_found_or_not_allowed()
    {
        using var missing = await PostAsync("v1/enqueue", Trigger());
        using var wrongMethod = await Http.GetAsync("v2/enqueue");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Empty(Emulator.Events);
    }
}
