using System;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

public sealed partial class AlertPipeline
{
    private async Task DispatchAsync()
    {
        var stop = _stopSending.Token;
        while (true)
        {
            PreparedSend? prepared = null;
            Task? wait = null;
            lock (_gate)
            {
                if (_stopping)
                {
                    return;
                }

                _dispatcherWaiting = false;
                var now = _clock.GetUtcNow();
                _tracker.PromoteDue(now, _flushRequests > 0);
                while (prepared is null && _tracker.Queue.TakeNext() is { } item)
                {
                    prepared = _tracker.Prepare(item, now);
                }

                if (prepared is not null)
                {
                    _inFlight = prepared.Item;
                    if (prepared.Action == EventAction.Trigger)
                    {
                        prepared.DroppedEvents = _intake.Dropped - _droppedCarried;
                    }
                }
                else
                {
                    var next = _tracker.NextDue();
                    if (next is { } due && due <= now)
                    {
                        continue;
                    }

                    _dueTimer.Change(next is { } at ? at - now : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    _armedDue = next;
                    _wake = NewSignal();
                    wait = _wake.Task;
                    _dispatcherWaiting = true;
                    SignalProgress();
                }
            }

            if (wait is not null)
            {
                await wait.ConfigureAwait(false);
                continue;
            }

            SendResult result;
            try
            {
                var alertEvent = _factory.Build(prepared!, out var degraded);
                if (degraded is not null)
                {
                    _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Degraded, degraded, 1, new[] { prepared!.DedupKey }));
                }

                result = await _sender.SendAsync(alertEvent, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Shutting down: the event stays in flight and is reported as not delivered.
                return;
            }
            catch (ArgumentException ex)
            {
                result = new SendResult(SendOutcome.Rejected, message: ex.Message);
            }
#pragma warning disable CA1031 // a sender failure is an outcome to report, not a reason to stop dispatching
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result = new SendResult(SendOutcome.Failed, message: ex.Message, exception: ex);
            }

            Account(prepared!, result);
        }
    }

    private void Account(PreparedSend prepared, SendResult result)
    {
        PagerDutyDiagnostic? diagnostic = null;
        var keys = new[] { prepared.DedupKey };
        lock (_gate)
        {
            _inFlight = null;
            switch (result.Outcome)
            {
                case SendOutcome.Accepted:
                    _counters.Sent++;
                    _droppedCarried += prepared.DroppedEvents;
                    break;
                case SendOutcome.Rejected:
                    _counters.Rejected++;
                    diagnostic = new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Rejected,
                        "PagerDuty rejected a " + prepared.Action.ToWire() + " event: " + result, 1, keys, result.Exception);
                    break;
                case SendOutcome.Throttled:
                    _counters.Throttled++;
                    _counters.Failed++;
                    diagnostic = new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Failed,
                        "A " + prepared.Action.ToWire() + " event could not be sent within the rate limit: " + result, 1, keys, result.Exception);
                    break;
                default:
                    _counters.Failed++;
                    diagnostic = new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Failed,
                        "A " + prepared.Action.ToWire() + " event could not be delivered: " + result, 1, keys, result.Exception);
                    break;
            }

            SignalProgress();
        }

        switch (result.Outcome)
        {
            case SendOutcome.Accepted: _metrics.RecordSent(prepared.Action); break;
            case SendOutcome.Rejected: _metrics.Rejected.Add(1); break;
            case SendOutcome.Throttled: _metrics.Throttled.Add(1); _metrics.Failed.Add(1); break;
            default: _metrics.Failed.Add(1); break;
        }

        if (diagnostic is not null)
        {
            _diagnostics.Report(diagnostic);
        }
    }

    private void OnThrottleWaited()
    {
        lock (_gate)
        {
            _counters.Throttled++;
        }

        _metrics.Throttled.Add(1);
    }

    private void Wake()
    {
        lock (_gate)
        {
            WakeLocked();
        }
    }

    // Called by the consumer after each burst. Most bursts only coalesce into alerts already known; waking the
    // dispatcher for those would cost a timer change and two signals per burst and take a core from the logging threads.
    private void WakeIfWorkChanged()
    {
        lock (_gate)
        {
            if (_wake is null)
            {
                // Not waiting: it looks at the tracker again before it next waits.
                return;
            }

            var dueSooner = _tracker.NextDue() is { } due && (_armedDue is not { } armed || due < armed);
            if (_tracker.Queue.Count > 0 || dueSooner || _flushRequests > 0)
            {
                WakeLocked();
            }
        }
    }

    private void WakeLocked()
    {
        if (_wake is { } wake)
        {
            _wake = null;
            _dispatcherWaiting = false;
            wake.TrySetResult(true);
        }
    }

    private void SignalProgress()
    {
        var progress = _progress;
        _progress = NewSignal();
        progress.TrySetResult(true);
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
