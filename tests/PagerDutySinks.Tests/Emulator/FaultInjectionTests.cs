using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Tests.Emulator;

public sealed class FaultInjectionTests : EmulatorTestBase
{
    [Fact]
    public async Task FailNext_answers_the_next_requests_with_the_status_then_recovers()
    {
        Emulator.Faults.FailNext(2, 503);

        using var first = await PostAsync("v2/enqueue", Trigger());
        using var second = await PostAsync("v2/enqueue", Trigger());
        using var third = await PostAsync("v2/enqueue", Trigger());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("error", (string?)(await ReadJsonAsync(first))["status"]);
        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        Assert.Single(Emulator.Alerts.Single().LogEntries);
        Assert.Equal(
            new[] { ReceivedOutcome.InjectedFailure, ReceivedOutcome.InjectedFailure, ReceivedOutcome.Accepted },
            Emulator.Events.Select(e => e.Outcome));
        Assert.Equal(2, Emulator.GetStatistics().InjectedFailures);
    }

    [Fact]
    public async Task FailNext_with_429_and_Retry_After_sends_the_header_and_throttle_body()
    {
        Emulator.Faults.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(6.2));

        using var response = await PostAsync("v2/enqueue", Trigger());

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal("throttle event", (string?)(await ReadJsonAsync(response))["status"]);
    }

    [Fact]
    public async Task FailNext_can_answer_with_a_proxys_html_page()
    {
        const string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        Emulator.Faults.FailNext(1, 502, html, "text/html");

        using var response = await PostAsync("v2/change/enqueue", SpecExamples.GitChangeEvent);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(html, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FailNext_with_202_and_any_body_simulates_a_malformed_success()
    {
        Emulator.Faults.FailNext(1, 202, "{\"status\":");

        using var response = await PostAsync("v2/enqueue", Trigger());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("{\"status\":", await response.Content.ReadAsStringAsync());
        Assert.Empty(Emulator.Alerts);
    }

    [Fact]
    public async Task DropNext_aborts_the_connection_without_an_answer()
    {
        Emulator.Faults.DropNext(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync("v2/enqueue", Trigger()));
        using var next = await PostAsync("v2/enqueue", Trigger());

        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        var dropped = Emulator.Events[0];
        Assert.Equal(ReceivedOutcome.Dropped, dropped.Outcome);
        Assert.Equal(0, dropped.StatusCode);
        Assert.Equal(RoutingKey, dropped.RoutingKey);
    }

    [Fact]
    public async Task Queued_faults_are_used_in_order()
    {
        Emulator.Faults.FailNext(1, 500);
        Emulator.Faults.DropNext(1);
        Emulator.Faults.FailNext(1, 429);
        Assert.Equal(3, Emulator.Faults.Pending);

        using var first = await PostAsync("v2/enqueue", Trigger());
        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync("v2/enqueue", Trigger()));
        using var third = await PostAsync("v2/enqueue", Trigger());
        using var fourth = await PostAsync("v2/enqueue", Trigger());

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, fourth.StatusCode);
        Assert.Equal(0, Emulator.Faults.Pending);
    }

    [Fact]
    public async Task Faults_apply_before_validation()
    {
        Emulator.Faults.FailNext(1, 500);

        using var response = await PostAsync("v2/enqueue", "not json");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task SetLatency_delays_answers_until_cleared()
    {
        Emulator.Faults.SetLatency(TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        using var slow = await PostAsync("v2/enqueue", Trigger());
        var slowElapsed = watch.Elapsed;
        Emulator.Faults.Clear();
        watch.Restart();
        using var fast = await PostAsync("v2/enqueue", Trigger());

        Assert.Equal(HttpStatusCode.Accepted, slow.StatusCode);
        Assert.True(slowElapsed >= TimeSpan.FromMilliseconds(290), $"answered after {slowElapsed}");
        Assert.Equal(HttpStatusCode.Accepted, fast.StatusCode);
        Assert.Equal(TimeSpan.Zero, Emulator.Faults.Latency);
    }

    [Fact]
    public async Task A_client_giving_up_during_latency_is_recorded_as_aborted()
    {
        Emulator.Faults.SetLatency(TimeSpan.FromMinutes(5));
        using var impatient = new HttpClient { BaseAddress = Emulator.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            impatient.PostAsync("v2/enqueue", new StringContent(Trigger(), Encoding.UTF8, "application/json")));

        Assert.True(await Emulator.WaitForEventsAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(ReceivedOutcome.Aborted, Emulator.Events.Single().Outcome);
        Assert.Empty(Emulator.Alerts);
    }

    [Fact]
    public async Task Disposing_does_not_wait_for_requests_held_by_latency()
    {
        var emulator = await PagerDutyEmulator.StartAsync();
        emulator.Faults.SetLatency(TimeSpan.FromMinutes(5));
        using var client = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var pending = client.PostAsync("v2/enqueue", new StringContent(Trigger(), Encoding.UTF8, "application/json"));
        await WaitUntilAsync(() => emulator.PeakRequestsPerMinute(RoutingKey) == 1);

        var watch = Stopwatch.StartNew();
        await emulator.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"disposed after {watch.Elapsed}");
        await Assert.ThrowsAnyAsync<Exception>(() => pending);
    }

    [Fact]
    public void Rejects_nonsense_fault_settings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.Faults.FailNext(0, 500));
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.Faults.FailNext(1, 42));
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.Faults.DropNext(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.Faults.SetLatency(TimeSpan.FromSeconds(-1)));
        Assert.Equal(0, Emulator.Faults.Pending);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in 10 s");
            await Task.Delay(5);
        }
    }
}
