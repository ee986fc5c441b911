using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PagerDutySinks.Pipeline;

public sealed partial class AlertPipeline
{
    /// <summary>Delivers everything pending, waiting at most <paramref name="timeout"/>; reports what could not be sent.</summary>
    /// <param name="timeout">The bound; <see cref="AlertPipelineOptions.ShutdownTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>What was and was not delivered.</returns>
    public async Task<FlushResult> FlushAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var result = await FlushCoreAsync(timeout ?? _shutdownTimeout, cancellationToken).ConfigureAwait(false);
        if (!result.Completed && result.NotDeliveredCount > 0)
        {
            _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.NotDelivered,
                result.NotDeliveredCount + " event(s) still pending when the flush timed out; they stay queued.",
                result.NotDeliveredCount, result.NotDeliveredDedupKeys));
        }

        return result;
    }

    private async Task ShutdownAsync()
    {
        _intake.Close();
        await FlushCoreAsync(_shutdownTimeout, CancellationToken.None).ConfigureAwait(false);

        lock (_gate)
        {
            _stopping = true;
        }

#if NET8_0_OR_GREATER
        await _stopSending.CancelAsync().ConfigureAwait(false);
#else
        _stopSending.Cancel();
#endif
        Wake();
        await Task.WhenAny(Task.WhenAll(_consumer, _dispatcher), Task.Delay(StopGrace)).ConfigureAwait(false);

        List<string> keys;
        int count;
        lock (_gate)
        {
            // Updates not yet due become events now, so they are counted and reported like everything else left over.
            _tracker.PromoteDue(_clock.GetUtcNow(), flushAll: true);
            var abandoned = _tracker.Queue.Clear();
            if (_inFlight is { } inFlight)
            {
                abandoned.Insert(0, inFlight);
                _inFlight = null;
            }

            keys = new List<string>(abandoned.Count);
            foreach (var item in abandoned)
            {
                keys.Add(item.DedupKey);
            }

            var unprocessed = _intake.Enqueued - _counters.Processed;
            _counters.Processed += unprocessed;
            _counters.NotDelivered += abandoned.Count + unprocessed;
            count = keys.Count + (int)unprocessed;
        }

        if (count > 0)
        {
            _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.NotDelivered,
                count + " event(s) could not be delivered before shutdown.", count, keys));
        }

        ReportDrops();
        if (_throttleSource is not null)
        {
            _throttleSource.ThrottleWaited -= OnThrottleWaited;
        }

        _dueTimer.Dispose();
        _metrics.Dispose();
        _ownedClient?.Dispose();
    }

    private async Task<FlushResult> FlushCoreAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            timeout = TimeSpan.Zero;
        }

        var target = _intake.Enqueued;
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = timeout == Timeout.InfiniteTimeSpan
            ? Task.Delay(Timeout.Infinite, stopWaiting.Token)
            : ClockDelay.Of(_clock, timeout, stopWaiting.Token);
        Interlocked.Increment(ref _flushRequests);
        try
        {
            Wake();
            while (true)
            {
                Task progress;
                lock (_gate)
                {
                    if (_counters.Processed >= target && _tracker.Queue.Count == 0 && _inFlight is null && _tracker.ScheduledUpdates == 0)
                    {
                        return new FlushResult(true);
                    }

                    progress = _progress.Task;
                }

                var finished = await Task.WhenAny(progress, deadline).ConfigureAwait(false);
                if (finished != progress)
                {
                    break;
                }
            }

            return PendingReport(target);
        }
        finally
        {
            Interlocked.Decrement(ref _flushRequests);
#if NET8_0_OR_GREATER
            await stopWaiting.CancelAsync().ConfigureAwait(false);
#else
            stopWaiting.Cancel();
#endif
        }
    }

    private FlushResult PendingReport(long target)
    {
        lock (_gate)
        {
            var keys = new List<string>();
            if (_inFlight is { } inFlight)
            {
                keys.Add(inFlight.DedupKey);
            }

            foreach (var item in _tracker.Queue.Snapshot())
            {
                keys.Add(item.DedupKey);
            }

            keys.AddRange(_tracker.ScheduledUpdateKeys());
            var unprocessed = (int)Math.Max(0, target - _counters.Processed);
            return new FlushResult(false, keys.Count + unprocessed, keys);
        }
    }
}
