using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using PagerDutySinks.Client;

namespace PagerDutySinks.Tests.Client;

public class SlidingWindowLogRateLimiterTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_full_burst_is_granted_then_nothing_until_the_oldest_grant_leaves_the_window()
    {
        var clock = new FakeTimeProvider();
        var limiter = new SlidingWindowLogRateLimiter(clock, Minute, 5);

        for (var i = 0; i < 5; i++)
        {
            using var lease = limiter.AttemptAcquire();
            Assert.True(lease.IsAcquired);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        using (var denied = limiter.AttemptAcquire())
        {
            Assert.False(denied.IsAcquired);
            Assert.True(denied.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter));
            Assert.Equal(TimeSpan.FromSeconds(55), retryAfter);
        }

        clock.Advance(TimeSpan.FromSeconds(55) - TimeSpan.FromTicks(1));
        using (var stillDenied = limiter.AttemptAcquire())
        {
            Assert.False(stillDenied.IsAcquired);
        }

        clock.Advance(TimeSpan.FromTicks(1));
        using var granted = limiter.AttemptAcquire();
        Assert.True(granted.IsAcquired);
    }

    [Fact]
    public async Task Waiters_are_released_on_the_fake_clock_and_no_window_exceeds_the_limit()
    {
        var clock = new FakeTimeProvider();
        var limiter = new SlidingWindowLogRateLimiter(clock, Minute, 6);
        var grantedAt = new List<DateTimeOffset>();

        async Task<bool> TakeAsync()
        {
            using var lease = await limiter.AcquireAsync(1);
            lock (grantedAt)
            {
                grantedAt.Add(clock.GetUtcNow());
            }

            return lease.IsAcquired;
        }

        // Started synchronously: all 20 ask at the same instant.
        var all = Task.WhenAll(Enumerable.Range(0, 20).Select(_ => TakeAsync()).ToList());
        var results = await FakeClockDriver.DriveAsync(clock, all, TimeSpan.FromMilliseconds(500));

        Assert.All(results, Assert.True);
        Assert.Equal(20, grantedAt.Count);
        Assert.True(Windows.PeakPerMinute(grantedAt) <= 6, $"peak {Windows.PeakPerMinute(grantedAt)}");

        // Sliding, not fixed: it never waits longer than needed (20 grants at 6 per minute take just over 3 minutes).
        Assert.Equal(TimeSpan.FromSeconds(180), grantedAt.Max() - grantedAt.Min());
    }

    [Fact]
    public async Task Waiting_honours_cancellation()
    {
        var clock = new FakeTimeProvider();
        var limiter = new SlidingWindowLogRateLimiter(clock, Minute, 1);
        using (limiter.AttemptAcquire())
        {
        }

        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(1, cancel.Token).AsTask();
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void Clients_sharing_a_key_share_one_limiter_and_the_smallest_limit_wins()
    {
        var clock = new FakeTimeProvider();
        var key = TestKeys.NewRoutingKey();
        var generous = SharedRateLimiters.Acquire(key, clock, 300);
        var strict = SharedRateLimiters.Acquire(key, clock, 6);

        Assert.Same(generous, strict);
        Assert.Equal(6, generous.PermitLimit);

        var granted = Enumerable.Range(0, 10).Count(_ => { using var lease = generous.AttemptAcquire(); return lease.IsAcquired; });
        Assert.Equal(6, granted);

        SharedRateLimiters.Release(strict, 6);
        Assert.Equal(300, generous.PermitLimit);
        SharedRateLimiters.Release(generous, 300);
    }

    [Fact]
    public void Different_keys_and_different_clocks_do_not_share()
    {
        var clock = new FakeTimeProvider();
        var key = TestKeys.NewRoutingKey();
        var a = SharedRateLimiters.Acquire(key, clock, 10);
        var b = SharedRateLimiters.Acquire(TestKeys.NewRoutingKey(), clock, 10);
        var c = SharedRateLimiters.Acquire(key, new FakeTimeProvider(), 10);
        Assert.NotSame(a, b);
        Assert.NotSame(a, c);
    }
}
