using System;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

public sealed partial class AlertPipeline
{
    /// <summary>Runs the consumer's work for one candidate synchronously (benchmarks).</summary>
    internal void ProcessForBenchmark(AlertCandidate candidate) => Process(candidate);

    private async Task ConsumeAsync()
    {
        var reader = _buffer.Reader;
        var burst = new AlertCandidate?[ConsumerBatch];
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                // Read a burst, then process it: the buffer's lock is taken back to back while its cache line is here,
                // instead of once between every two candidates while the logging threads write to it.
                var taken = 0;
                while (taken < burst.Length && reader.TryRead(out var candidate))
                {
                    burst[taken++] = candidate;
                }

                var processed = 0;

                // Once shutdown has given up, what is left is counted as not delivered rather than processed late.
                while (processed < taken && !_stopping)
                {
                    Process(burst[processed++]!);
                }

                Array.Clear(burst, 0, taken);
                _metrics.Enqueued.Add(taken);
                ReportDrops();
                WakeIfWorkChanged();
                if (_stopping)
                {
                    return;
                }
            }
        }
#pragma warning disable CA1031 // the consumer must outlive anything a candidate can do; Process already guards each one
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Failed, "The alert consumer stopped unexpectedly.", 0, null, ex));
        }
    }

    private void Process(AlertCandidate candidate)
    {
        try
        {
            if (IsIgnored(candidate.Category))
            {
                lock (_gate)
                {
                    _counters.Filtered++;
                    _counters.Processed++;
                }

                return;
            }

            SpecialProperties.Read(candidate, _dedupKeyProperty, _actionProperty, _converter, out var explicitKey, out var actionText);
            var action = EventAction.Trigger;
            if (actionText is not null && !WireNames.TryParseAction(actionText, out action))
            {
                _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Configuration,
                    "Property " + _actionProperty + " has the value '" + SafeText.Bound(actionText, 64) +
                    "', which is not trigger, acknowledge or resolve; the event is treated as a trigger.", 1,
                    explicitKey is null ? null : new[] { explicitKey }));
                action = EventAction.Trigger;
            }

            if (action != EventAction.Trigger)
            {
                if (explicitKey is null)
                {
                    _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Configuration,
                        "An event asks to " + action.ToWire() + " but carries no " + _dedupKeyProperty +
                        " property; nothing was sent, since only an explicit dedup key names the alert to " + action.ToWire() + "."));
                    lock (_gate)
                    {
                        _counters.Filtered++;
                        _counters.Processed++;
                    }

                    return;
                }

                lock (_gate)
                {
                    _tracker.ExplicitAction(candidate, explicitKey, action);
                    _counters.Processed++;
                }

                return;
            }

            var identity = explicitKey is not null ? new AlertIdentity(explicitKey, null) : Identify(candidate);
            var severity = _severities[Math.Max(0, Math.Min(_severities.Length - 1, (int)candidate.Level))];
            var now = _clock.GetUtcNow();
            long coalesced;
            lock (_gate)
            {
                var before = _counters.Coalesced;
                _tracker.Observe(candidate, identity, severity, now);
                _counters.Processed++;
                coalesced = _counters.Coalesced - before;
            }

            if (coalesced > 0)
            {
                _metrics.Coalesced.Add(coalesced);
            }
        }
#pragma warning disable CA1031 // one bad candidate must not stop the pipeline; it is counted and reported
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _counters.Failed++;
                _counters.Processed++;
            }

            _metrics.Failed.Add(1);
            _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Failed, "A log event could not be processed into an alert.", 1, null, ex));
        }
    }

    private AlertIdentity Identify(AlertCandidate candidate)
    {
        if (candidate.Exception is { } exception)
        {
            try
            {
                return _fingerprinter.ForException(exception);
            }
#pragma warning disable CA1031 // a fingerprinting failure degrades to a coarser key
            catch (Exception)
#pragma warning restore CA1031
            {
                return _fallbackFingerprinter.ForException(exception);
            }
        }

        var template = candidate.MessageTemplate ?? candidate.RenderedMessage;
        if (template is not null && _templateIdentities.TryGet(template, candidate.Category, out var known))
        {
            return known;
        }

        AlertIdentity identity;
        try
        {
            identity = _fingerprinter.ForTemplate(template, candidate.Category);
        }
#pragma warning disable CA1031 // a fingerprinting failure degrades to a coarser key
        catch (Exception)
#pragma warning restore CA1031
        {
            identity = _fallbackFingerprinter.ForTemplate(template, candidate.Category);
        }

        if (template is not null)
        {
            _templateIdentities.Add(template, candidate.Category, identity);
        }

        return identity;
    }

    private bool IsIgnored(string? category)
    {
        if (category is null)
        {
            return false;
        }

        foreach (var prefix in _ignoredCategories)
        {
            if (category.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void ReportDrops()
    {
        long newlyDropped;
        lock (_gate)
        {
            var dropped = _intake.Dropped;
            newlyDropped = dropped - _droppedReported;
            _droppedReported = dropped;
        }

        if (newlyDropped > 0)
        {
            _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Dropped,
                newlyDropped + " log event(s) were dropped: the alert buffer was full or the pipeline was stopping.", (int)Math.Min(int.MaxValue, newlyDropped)));
        }
    }
}
