using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Tests.Emulator;

public sealed class RateLimitTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override EmulatorOptions CreateOptions() => new() { RateLimitPerMinute = 5, TimeProvider = _time };

    [Fact]
    public async Task Answers_429_with_PagerDutys_throttle_body_above_the_limit()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, await StatusAsync(Trigger($"k{i}")));
        }

        using var response = await PostAsync("v2/enqueue", Trigger("k5"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        var json = await ReadJsonAsync(response);
        Assert.Equal("throttle event", (string?)json["status"]);
        Assert.Equal("Requests for this service are arriving too quickly. Please retry later.", (string?)json["message"]);
        Assert.Equal(5, Emulator.Alerts.Count);
        Assert.Equal(ReceivedOutcome.Throttled, Emulator.Events[^1].Outcome);
        Assert.Equal(429, Emulator.Events[^1].StatusCode);
    }

    [Fact]
    public async Task The_window_slides_so_calls_are_accepted_again_60_seconds_later()
    {
        for (var i = 0; i < 3; i++)
        {
            await StatusAsync(Trigger($"a{i}"));
        }

        _time.Advance(TimeSpan.FromSeconds(30));
        await StatusAsync(Trigger("b0"));
        await StatusAsync(Trigger("b1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(Trigger("b2")));

        // At t=59.999 s the first three calls are still inside the look-back window.
        _time.Advance(TimeSpan.FromSeconds(29.999));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(Trigger("c0")));

        // At t=60 s they fall out of it: three more fit, then the two from t=30 s still count.
        _time.Advance(TimeSpan.FromMilliseconds(1));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, await StatusAsync(Trigger($"d{i}")));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(Trigger("d3")));

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Accepted, await StatusAsync(Trigger("e0")));
    }

    [Fact]
    public async Task Routing_keys_have_separate_windows()
    {
        for (var i = 0; i < 5; i++)
        {
            await StatusAsync(Trigger($"k{i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(Trigger("x")));
        Assert.Equal(HttpStatusCode.Accepted, await StatusAsync(Trigger("x", routingKey: "fedcba9876543210fedcba9876543210")));
    }

    [Fact]
    public async Task Rejected_calls_count_towards_the_window_and_throttled_ones_do_not()
    {
        var invalid = Trigger("k").Replace("\"error\"", "\"fatal\"", StringComparison.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(invalid));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(Trigger("k")));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(Trigger("k")));

        // Had the two 429s counted, the window would still be full 60 s after the 400s.
        _time.Advance(TimeSpan.FromSeconds(60));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, await StatusAsync(Trigger($"k{i}")));
        }
    }

    [Fact]
    public async Task Change_events_share_the_routing_keys_window()
    {
        var change = $$$"""{"routing_key":"{{{RoutingKey}}}","payload":{"summary":"deploy"}}""";
        for (var i = 0; i < 5; i++)
        {
            using var accepted = await PostAsync("v2/change/enqueue", change);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var throttled = await PostAsync("v2/change/enqueue", change);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(Trigger("k")));
    }

    [Fact]
    public async Task Peak_per_minute_counts_every_call_in_the_busiest_60_seconds()
    {
        // 4 calls at t=0, 3 at t=40 s, 3 at t=70 s: the busiest span is [40 s, 100 s) with 6, or [0, 60 s) with 7.
        for (var i = 0; i < 4; i++)
        {
            await StatusAsync(Trigger($"a{i}"));
        }

        _time.Advance(TimeSpan.FromSeconds(40));
        for (var i = 0; i < 3; i++)
        {
            await StatusAsync(Trigger($"b{i}"));
        }

        _time.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 3; i++)
        {
            await StatusAsync(Trigger($"c{i}"));
        }

        // Of the 7 calls in [0, 60 s), 2 were throttled; the peak counts them as they reached the server.
        Assert.Equal(2, Emulator.Events.Count(e => e.Outcome == ReceivedOutcome.Throttled));
        Assert.Equal(7, Emulator.PeakRequestsPerMinute(RoutingKey));
        Assert.Equal(0, Emulator.PeakRequestsPerMinute("fedcba9876543210fedcba9876543210"));
        var stats = Emulator.GetStatistics();
        Assert.Equal(10, stats.Received);
        Assert.Equal(10, stats.ByRoutingKey[RoutingKey].Received);
        Assert.Equal(7, stats.ByRoutingKey[RoutingKey].PeakRequestsPerMinute);
    }

    [Fact]
    public async Task Reset_clears_the_window()
    {
        for (var i = 0; i < 5; i++)
        {
            await StatusAsync(Trigger($"k{i}"));
        }

        Emulator.Reset();

        Assert.Equal(HttpStatusCode.Accepted, await StatusAsync(Trigger("k")));
        Assert.Equal(1, Emulator.PeakRequestsPerMinute(RoutingKey));
    }

    private async Task<HttpStatusCode> StatusAsync(string json)
    {
        using var response = await PostAsync("v2/enqueue", json);
        return response.StatusCode;
    }
}

public sealed class RateLimitOffTests : EmulatorTestBase
{
    protected override EmulatorOptions CreateOptions() => new() { RateLimitPerMinute = 0 };

    [Fact]
    public async Task A_limit_of_zero_never_throttles()
    {
        for (var i = 0; i < 125; i++)
        {
            using var response = await PostAsync("v2/enqueue", Trigger($"k{i % 7}"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Equal(125, Emulator.PeakRequestsPerMinute(RoutingKey));
    }
}

public sealed class DefaultRateLimitTests : EmulatorTestBase
{
    [Fact]
    public async Task The_default_limit_is_120_per_minute_like_PagerDuty()
    {
        Assert.Equal(120, Emulator.Options.RateLimitPerMinute);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 125).Select(async i =>
        {
            using var response = await PostAsync("v2/enqueue", Trigger($"k{i}"));
            return response.StatusCode;
        }));

        Assert.Equal(120, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}

public sealed class ThrottleRetryAfterTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override EmulatorOptions CreateOptions() => new() { RateLimitPerMinute = 2, TimeProvider = _time, SendRetryAfterWhenThrottling = true };

    [Fact]
    public async Task When_asked_429s_say_when_the_window_has_room()
    {
        (await PostAsync("v2/enqueue", Trigger("a"))).Dispose();
        _time.Advance(TimeSpan.FromSeconds(20.5));
        (await PostAsync("v2/enqueue", Trigger("b"))).Dispose();
        _time.Advance(TimeSpan.FromSeconds(10));

        using var throttled = await PostAsync("v2/enqueue", Trigger("c"));

        // The first call leaves the window at t=60 s; now is t=30.5 s, so 29.5 s rounds up to 30.
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), throttled.Headers.RetryAfter?.Delta);
    }
}
