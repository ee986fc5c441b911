using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PagerDutySinks.Tests.Client;

public class ClientRateLimitTests : ClientTestBase
{
    private const int Limit = 12;

    // The emulator enforces the same limit: any window the client overran would show up as a 429.
    protected override int EmulatorRateLimitPerMinute => Limit;

    [Fact]
    public async Task No_60_second_window_holds_more_requests_than_the_limit_even_in_bursts()
    {
        var client = CreateClient(o => o.RateLimitPerMinute = Limit);
        var waits = 0;
        client.ThrottleWaited += () => Interlocked.Increment(ref waits);

        // 40 events at once, then a second burst after some quiet time.
        var first = Enumerable.Range(0, 30).Select(i => client.SendAsync(TestKeys.Trigger(Key, dedupKey: "burst-1/" + i))).ToList();
        var firstResults = await DriveAsync(Task.WhenAll(first), stepSeconds: 1);
        Clock.Advance(TimeSpan.FromSeconds(20));
        var second = Enumerable.Range(0, 10).Select(i => client.SendAsync(TestKeys.Trigger(Key, dedupKey: "burst-2/" + i))).ToList();
        var secondResults = await DriveAsync(Task.WhenAll(second), stepSeconds: 1);

        var results = firstResults.Concat(secondResults).ToList();
        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        Assert.All(results, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(40, Emulator.Alerts.Count);

        Assert.Equal(40, Handler.SentAt.Count);
        Assert.True(Windows.PeakPerMinute(Handler.SentAt) <= Limit, $"client peak {Windows.PeakPerMinute(Handler.SentAt)}");
        Assert.True(Windows.PeakPerMinute(Emulator.Events.Select(e => e.ReceivedAt)) <= Limit);
        Assert.Equal(Limit, Emulator.PeakRequestsPerMinute(Key));
        Assert.DoesNotContain(Emulator.Events, e => e.StatusCode == 429);

        // At least the 18 of the first burst beyond the limit had to wait; each wait is reported once.
        Assert.InRange(waits, 18, 28);
        Assert.Equal(waits, client.ThrottleWaitCount);
    }

    [Fact]
    public async Task Retries_take_permits_too()
    {
        // Every request fails twice; with 3 attempts per event only 4 events fit in a minute.
        // Retry-After keeps every retry on the fake clock, so requests only start while the clock stands still.
        Emulator.Faults.FailNext(12, 503, retryAfter: TimeSpan.FromSeconds(1));
        var client = CreateClient(o => o.RateLimitPerMinute = Limit);

        var sends = Enumerable.Range(0, 8).Select(i => client.SendAsync(TestKeys.Trigger(Key, dedupKey: "r/" + i))).ToList();
        var results = await DriveAsync(Task.WhenAll(sends), stepSeconds: 1);

        Assert.All(results, r => Assert.True(r.IsAccepted, r.ToString()));
        Assert.Equal(20, Handler.SentAt.Count);
        Assert.True(Windows.PeakPerMinute(Handler.SentAt) <= Limit, $"peak {Windows.PeakPerMinute(Handler.SentAt)}");
        Assert.True(Handler.SentAt.Max() - Handler.SentAt.Min() >= TimeSpan.FromSeconds(60), "the retries had to wait for the next window");
    }

    [Fact]
    public async Task Two_clients_with_one_key_share_one_limit()
    {
        var first = CreateClient(o => o.RateLimitPerMinute = Limit);
        var second = CreateClient(o => o.RateLimitPerMinute = Limit);

        var sends = Enumerable.Range(0, 15).SelectMany(i => new[]
        {
            first.SendAsync(TestKeys.Trigger(Key, dedupKey: "a/" + i)),
            second.SendAsync(TestKeys.Trigger(Key, dedupKey: "b/" + i)),
        }).ToList();
        var results = await DriveAsync(Task.WhenAll(sends), stepSeconds: 1);

        Assert.All(results, r => Assert.True(r.IsAccepted, r.ToString()));
        Assert.Equal(30, Handler.SentAt.Count);
        Assert.True(Windows.PeakPerMinute(Handler.SentAt) <= Limit, $"peak {Windows.PeakPerMinute(Handler.SentAt)}");
        Assert.DoesNotContain(Emulator.Events, e => e.StatusCode == 429);
    }

    [Fact]
    public async Task The_smallest_configured_limit_applies_to_everyone_sending_with_the_key()
    {
        // A client's limit for a key counts from its first send with that key.
        var generous = CreateClient(o => o.RateLimitPerMinute = 300);
        var strict = CreateClient(o => o.RateLimitPerMinute = 6);
        Assert.True((await DriveAsync(strict.SendAsync(TestKeys.Trigger(Key, dedupKey: "strict")))).IsAccepted);

        var sends = Enumerable.Range(0, 11).Select(i => generous.SendAsync(TestKeys.Trigger(Key, dedupKey: "g/" + i))).ToList();
        var results = await DriveAsync(Task.WhenAll(sends), stepSeconds: 1);

        Assert.All(results, r => Assert.True(r.IsAccepted));
        Assert.Equal(6, Windows.PeakPerMinute(Handler.SentAt));
    }

    [Fact]
    public async Task No_permit_within_the_retry_budget_ends_throttled_without_sending()
    {
        var client = CreateClient(o =>
        {
            o.RateLimitPerMinute = 1;
            o.MaxRetryDuration = TimeSpan.FromSeconds(10);
        });

        var first = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key, dedupKey: "first")));
        var second = await DriveAsync(client.SendAsync(TestKeys.Trigger(Key, dedupKey: "second")));

        Assert.True(first.IsAccepted);
        Assert.Equal(SendOutcome.Throttled, second.Outcome);
        Assert.Equal(0, second.Attempts);
        Assert.Contains(RoutingKey.Mask(Key), second.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, second.Message, StringComparison.Ordinal);
        Assert.Single(Emulator.Events);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_a_permit_throws()
    {
        var client = CreateClient(o => o.RateLimitPerMinute = 1);
        Assert.True((await DriveAsync(client.SendAsync(TestKeys.Trigger(Key)))).IsAccepted);

        using var cancel = new CancellationTokenSource();
        client.ThrottleWaited += cancel.Cancel;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DriveAsync(client.SendAsync(TestKeys.Trigger(Key), cancel.Token)));
        Assert.Single(Emulator.Events);
    }
}
