using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace PagerDutySinks.Client;

/// <summary>
/// An exact look-back limiter: a permit is granted only while fewer than the limit were granted in the last window,
/// so no window of that length ever holds more grants than the limit, bursts included. It keeps one timestamp per
/// grant in the window and needs no background timer, which keeps it exact on any <see cref="TimeProvider"/>.
/// The limit is the smallest of those registered by the clients sharing it.
/// </summary>
internal sealed class SlidingWindowLogRateLimiter : RateLimiter
{
    private readonly TimeProvider _timeProvider;
    private readonly long _windowTicks;
    private readonly long _origin;
    private readonly object _gate = new();
    private readonly List<long> _grants = new();
    private readonly List<int> _registeredLimits = new();
    private int _fallbackLimit;
    private long _successfulLeases;
    private long _failedLeases;
    private long? _lastGrantTicks;

    public SlidingWindowLogRateLimiter(TimeProvider timeProvider, TimeSpan window, int permitLimit)
    {
        _timeProvider = timeProvider;
        _windowTicks = window.Ticks;
        _fallbackLimit = permitLimit;
        _origin = timeProvider.GetTimestamp();
    }

    /// <summary>The limit in force: the smallest registered one.</summary>
    public int PermitLimit
    {
        get
        {
            lock (_gate)
            {
                return CurrentLimit();
            }
        }
    }

    public TimeSpan Window => TimeSpan.FromTicks(_windowTicks);

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _lastGrantTicks is { } last ? TimeSpan.FromTicks(NowTicks() - last) : null;
            }
        }
    }

    public void RegisterLimit(int permitLimit)
    {
        lock (_gate)
        {
            _registeredLimits.Add(permitLimit);
        }
    }

    public void UnregisterLimit(int permitLimit)
    {
        lock (_gate)
        {
            if (_registeredLimits.Remove(permitLimit) && _registeredLimits.Count == 0)
            {
                // Keep the last limit for grants still in the window.
                _fallbackLimit = permitLimit;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Prune(NowTicks());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Math.Max(0, CurrentLimit() - _grants.Count),
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            if (TryGrant(permitCount, out var retryAfter))
            {
                return WindowLease.Granted;
            }

            _failedLeases++;
            return WindowLease.Denied(retryAfter);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan retryAfter;
            lock (_gate)
            {
                if (TryGrant(permitCount, out retryAfter))
                {
                    return WindowLease.Granted;
                }
            }

            // Several waiters may wake for one freed slot; the losers simply wait for the next one.
            await _timeProvider.DelayOn(retryAfter, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool TryGrant(int permitCount, out TimeSpan retryAfter)
    {
        var limit = CurrentLimit();
        if (permitCount > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, $"At most {limit} permits can be requested at once.");
        }

        var now = NowTicks();
        Prune(now);
        var excess = _grants.Count + permitCount - limit;
        if (excess <= 0)
        {
            for (var i = 0; i < permitCount; i++)
            {
                _grants.Add(now);
            }

            _successfulLeases += permitCount;
            _lastGrantTicks = now;
            retryAfter = TimeSpan.Zero;
            return true;
        }

        // The grant that has to leave the window before enough room opens.
        retryAfter = TimeSpan.FromTicks(Math.Max(1, _grants[excess - 1] + _windowTicks - now));
        return false;
    }

    private void Prune(long now)
    {
        var expired = 0;
        while (expired < _grants.Count && now - _grants[expired] >= _windowTicks)
        {
            expired++;
        }

        _grants.RemoveRange(0, expired);
    }

    private int CurrentLimit() => _registeredLimits.Count == 0 ? _fallbackLimit : _registeredLimits.Min();

    private long NowTicks() => _timeProvider.GetElapsedTime(_origin).Ticks;

    private sealed class WindowLease : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);

        private readonly TimeSpan? _retryAfter;

        private WindowLease(bool isAcquired, TimeSpan? retryAfter)
        {
            IsAcquired = isAcquired;
            _retryAfter = retryAfter;
        }

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames =>
            _retryAfter is null ? Array.Empty<string>() : new[] { MetadataName.RetryAfter.Name };

        public static WindowLease Denied(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
