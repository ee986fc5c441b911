using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;
using Polly.Timeout;

namespace PagerDutySinks.Tests.Client;

public class ClientRetryTests : ClientTestBase
{
    private const string PagerDuty400 = """{"status":"invalid event","message":"Event object is invalid","errors":["'payload.severity' is invalid (must be one of: critical, error, warning, info)","Custom rule failed"]}""";
    private const string ProxyPage = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>";

    [Fact]
    public async Task Bad_request_is_not_retried_and_its_reasons_are_surfaced()
    {
        Emulator.Faults.FailNext(1, 400, PagerDuty400);
        var client = CreateClient();

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key, dedupKey: "k1")));

        Assert.Equal(SendOutcome.Rejected, result.Outcome);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("Event object is invalid", result.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("Custom rule failed", result.Errors);
        Assert.Contains("Custom rule failed", result.ToString(), StringComparison.Ordinal);
        Assert.Single(Emulator.Events);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task Other_client_errors_are_not_retried(int status)
    {
        Emulator.Faults.FailNext(1, status);
        var client = CreateClient();

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key)));

        Assert.Equal(SendOutcome.Rejected, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(1, result.Attempts);
        Assert.Single(Emulator.Events);
    }

    [Fact]
    public async Task Too_many_requests_with_retry_after_waits_exactly_as_asked()
    {
        Emulator.Faults.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(7));
        var client = CreateClient();
        var delays = new List<TimeSpan>();
        client.RetryScheduled += delays.Add;

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key, dedupKey: "k")));

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(2, result.Attempts);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, delays);
        var events = Emulator.Events;
        Assert.Equal(new[] { 429, 202 }, events.Select(e => e.StatusCode).ToArray());
        var gap = events[1].ReceivedAt - events[0].ReceivedAt;
        // The clock moves in 0.25 s steps, so the observed gap may exceed the delay by a step or two, never fall short.
        Assert.InRange(gap, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(9));
        Assert.Equal(1, client.ServerThrottleCount);
    }

    [Fact]
    public async Task Too_many_requests_without_retry_after_backs_off_with_jitter()
    {
        Emulator.Faults.FailNext(2, 429);
        var client = CreateClient(o => o.BaseRetryDelay = TimeSpan.FromSeconds(2));
        var delays = new List<TimeSpan>();
        client.RetryScheduled += delays.Add;

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key)));

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(3, result.Attempts);
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(delays[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Persistent_429_ends_throttled()
    {
        Emulator.Faults.FailNext(10, 429, retryAfter: TimeSpan.FromSeconds(1));
        var client = CreateClient(o => o.MaxRetryAttempts = 2);
        var scheduled = 0;
        client.RetryScheduled += _ => scheduled++;

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key)));

        Assert.Equal(SendOutcome.Throttled, result.Outcome);
        Assert.Equal(2, scheduled);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task Server_errors_are_retried_until_accepted()
    {
        Emulator.Faults.FailNext(2, 500);
        var client = CreateClient();

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key, dedupKey: "k")));

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(3, result.Attempts);
        Assert.Equal(new[] { 500, 500, 202 }, Emulator.Events.Select(e => e.StatusCode).ToArray());
        Assert.Single(Emulator.Alerts);
    }

    [Fact]
    public async Task Dropped_connection_is_retried()
    {
        Emulator.Faults.DropNext(1);
        var client = CreateClient();

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key, dedupKey: "k")));

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(2, result.Attempts);
        Assert.Equal(AlertStatus.Triggered, Emulator.Alerts.Single().Status);
    }

    [Fact]
    public async Task Connection_drops_that_outlast_the_retries_fail_with_the_network_error()
    {
        Emulator.Faults.DropNext(3);
        var client = CreateClient(o => o.MaxRetryAttempts = 2);

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key)));

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Equal(3, result.Attempts);
        Assert.IsAssignableFrom<System.Net.Http.HttpRequestException>(result.Exception);
        Assert.StartsWith("Network error", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempt_that_gets_no_answer_in_time_is_retried()
    {
        // The emulator holds answers for a long (real) time; the attempt timeout runs on the fake clock. Once the first
        // attempt has timed out, the emulator answers promptly again.
        Emulator.Faults.SetLatency(TimeSpan.FromSeconds(30));
        var client = CreateClient(o => o.AttemptTimeout = TimeSpan.FromSeconds(5));
        client.RetryScheduled += _ => Emulator.Faults.SetLatency(TimeSpan.Zero);

        var send = client.SendAsync(TestKeys.Trigger(Key, dedupKey: "slow"));
        var result = await FakeClockDriver.DriveAsync(Clock, send, TimeSpan.FromSeconds(1),
            () => Handler.InFlight == 0 || Emulator.Faults.Latency > TimeSpan.Zero);

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(2, result.Attempts);
        Assert.Equal("slow", Emulator.Alerts.Single().DedupKey);
    }

    [Fact]
    public async Task Attempts_that_all_time_out_fail_with_a_timeout()
    {
        Emulator.Faults.SetLatency(TimeSpan.FromSeconds(30));
        var client = CreateClient(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.MaxRetryAttempts = 1;
        });

        var result = await FakeClockDriver.DriveAsync(Clock, client.SendAsync(TestKeys.Trigger(Key)), TimeSpan.FromSeconds(1));

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.IsType<TimeoutRejectedException>(result.Exception);
        Assert.Contains("attempt timeout", result.Message, StringComparison.Ordinal);
        Assert.Empty(Emulator.Alerts);
    }

    [Theory]
    [InlineData("this is not json", "text/plain")]
    [InlineData("", "application/json")]
    [InlineData("""{"status":"success"}""", "application/json")]
    public async Task Success_with_a_malformed_or_empty_body_counts_as_accepted(string body, string contentType)
    {
        Emulator.Faults.FailNext(1, 202, body, contentType);
        var client = CreateClient();

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key, dedupKey: "sent-key")));

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal("sent-key", result.DedupKey);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Html_error_page_from_a_proxy_is_retried_then_reported_with_an_excerpt()
    {
        Emulator.Faults.FailNext(3, 502, ProxyPage, "text/html");
        var client = CreateClient(o => o.MaxRetryAttempts = 2);

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key)));

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Equal(502, result.StatusCode);
        Assert.Equal(3, result.Attempts);
        Assert.Contains("502 Bad Gateway", result.Message, StringComparison.Ordinal);
        Assert.Contains("nginx", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<", result.Message, StringComparison.Ordinal);
        Assert.True(result.Message!.Length < 400, result.Message);
    }

    [Fact]
    public async Task Retry_time_budget_stops_retries_that_would_end_too_late()
    {
        Emulator.Faults.FailNext(10, 503, retryAfter: TimeSpan.FromSeconds(30));
        var client = CreateClient(o => o.MaxRetryDuration = TimeSpan.FromSeconds(45));

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key)), stepSeconds: 1);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("budget", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zero_retries_sends_once()
    {
        Emulator.Faults.FailNext(1, 500);
        var client = CreateClient(o => o.MaxRetryAttempts = 0);

        var result = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key)));

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Cancelling_the_caller_token_throws_instead_of_returning_a_result()
    {
        Emulator.Faults.FailNext(10, 503, retryAfter: TimeSpan.FromSeconds(30));
        var client = CreateClient();
        using var cancel = new CancellationTokenSource();
        client.RetryScheduled += _ => cancel.Cancel();

        var send = client.SendAsync(TestKeys.Trigger(Key), cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DriveAsync(send));
    }
}
