using System;
using System.Collections.Generic;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// The pipeline's memory: per-dedup-key state in a bounded LRU, coalescing, repeats, storms, automatic resolves, and the
/// priority send queue they feed. Pure logic on a given clock value; the pipeline serialises every call under its lock.
/// </summary>
internal sealed class AlertTracker
{
    /// <summary>At most this many members are listed in a storm alert; the rest are counted.</summary>
    public const int MaxListedStormMembers = 500;

    private readonly TrackerSettings _settings;
    private readonly PipelineCounters _counters;
    private readonly Dictionary<string, AlertState> _states = new(StringComparer.Ordinal);

    // Most recently seen first: the tail is both the eviction victim and the first key to go quiet.
    private readonly LinkedList<AlertState> _lru = new();
    private readonly HashSet<AlertState> _scheduledUpdates = new();
    private readonly StormDetector _stormDetector;
    private DateTimeOffset _earliestUpdateDue = DateTimeOffset.MaxValue;

    public AlertTracker(TrackerSettings settings, PipelineCounters counters)
    {
        _settings = settings;
        _counters = counters;
        _stormDetector = new StormDetector(settings.StormThreshold, settings.StormWindow);
    }

    public SendQueue Queue { get; } = new();

    public int TrackedKeys => _states.Count;

    public int ScheduledUpdates => _scheduledUpdates.Count;

    public bool StormActive => _stormDetector.Active;

    /// <summary>Takes in one occurrence of <paramref name="identity"/>.</summary>
    public void Observe(AlertCandidate candidate, AlertIdentity identity, Severity severity, DateTimeOffset now)
    {
        if (_states.TryGetValue(identity.DedupKey, out var state))
        {
            if (state.Storm is { Open: true } storm)
            {
                Touch(state, now);
                Record(state, candidate, severity);
                Record(storm, candidate, severity);
                Touch(storm, now);
                ScheduleUpdate(storm);
                _counters.Coalesced++;
                return;
            }

            if (state.Storm is null)
            {
                Touch(state, now);
                if (now - state.TriggeredAt >= _settings.RepeatInterval)
                {
                    Retrigger(state, candidate, identity, severity, now);
                    return;
                }

                Record(state, candidate, severity);
                ScheduleUpdate(state);
                _counters.Coalesced++;
                return;
            }

            // A member of a storm that has since been resolved: this occurrence starts afresh.
            Forget(state);
        }

        state = new AlertState(identity.DedupKey, identity.Signature, candidate, severity, now);
        Track(state);
        var stormStarters = _stormDetector.OnNewKey(state, now);
        if (stormStarters is not null)
        {
            var storm = StormAlert(candidate, severity, now);
            foreach (var member in stormStarters)
            {
                JoinStorm(member, storm);
            }

            Touch(storm, now);
            ScheduleUpdate(storm);

            _counters.Coalesced++;
        }
        else if (_stormDetector.Active)
        {
            var storm = StormAlert(candidate, severity, now);
            JoinStorm(state, storm);
            Touch(storm, now);
            ScheduleUpdate(storm);
            _counters.Coalesced++;
        }
        else
        {
            QueueTrigger(state, candidate, severity);
        }
    }

    /// <summary>An acknowledge or resolve a candidate asked for with an explicit dedup key.</summary>
    public void ExplicitAction(AlertCandidate candidate, string dedupKey, EventAction action)
    {
        if (action == EventAction.Resolve && _states.TryGetValue(dedupKey, out var state))
        {
            Forget(state);
        }

        Queue.Add(new SendItem(SendKind.ExplicitAction, SendPriority.Action, null, dedupKey, candidate, action));
    }

    /// <summary>Queues the updates that are due (all of them when flushing) and the resolves of keys gone quiet.</summary>
    public void PromoteDue(DateTimeOffset now, bool flushAll)
    {
        if (_scheduledUpdates.Count > 0 && (flushAll || now >= _earliestUpdateDue))
        {
            List<AlertState>? due = null;
            var earliest = DateTimeOffset.MaxValue;
            foreach (var state in _scheduledUpdates)
            {
                if (flushAll || state.UpdateDueAt <= now)
                {
                    (due ??= new List<AlertState>()).Add(state);
                }
                else if (state.UpdateDueAt < earliest)
                {
                    earliest = state.UpdateDueAt;
                }
            }

            _earliestUpdateDue = earliest;
            if (due is not null)
            {
                foreach (var state in due)
                {
                    _scheduledUpdates.Remove(state);
                    state.UpdateScheduled = false;
                    if (state.Open && state.UnsentOccurrences > 0 && !state.UpdateQueued)
                    {
                        state.UpdateQueued = true;
                        state.LastEventAt = now;
                        Queue.Add(new SendItem(state.IsStorm ? SendKind.Storm : SendKind.Update, SendPriority.Update, state, state.DedupKey, null, EventAction.Trigger));
                        _counters.Generated++;
                    }
                }
            }
        }

        if (_settings.ResolveAfter is { } quiet)
        {
            while (_lru.Last is { } tail && now - tail.Value.LastOccurrenceAt >= quiet)
            {
                var state = tail.Value;
                Forget(state);
                if (state.PagedOnItsOwn)
                {
                    Queue.Add(new SendItem(SendKind.AutoResolve, SendPriority.Action, state, state.DedupKey, null, EventAction.Resolve));
                    _counters.Generated++;
                }
            }
        }
    }

    /// <summary>When <see cref="PromoteDue"/> next has something to do, if ever.</summary>
    public DateTimeOffset? NextDue()
    {
        DateTimeOffset? next = _scheduledUpdates.Count > 0 ? _earliestUpdateDue : null;
        if (_settings.ResolveAfter is { } quiet && _lru.Last is { } tail)
        {
            var resolveAt = tail.Value.LastOccurrenceAt + quiet;
            if (next is null || resolveAt < next)
            {
                next = resolveAt;
            }
        }

        return next;
    }

    /// <summary>Copies what the item's event needs; <see langword="null"/> when the item no longer applies (counted as superseded).</summary>
    public PreparedSend? Prepare(SendItem item, DateTimeOffset now)
    {
        var state = item.State;
        switch (item.Kind)
        {
            case SendKind.Trigger:
                if (state!.QueuedTrigger == item)
                {
                    state.QueuedTrigger = null;
                }

                state.LastEventAt = now;
                return new PreparedSend(item, EventAction.Trigger, item.DedupKey)
                {
                    Candidate = item.Owner, Signature = state.Signature, Severity = state.Severity, Occurrences = 1,
                    FirstSeen = item.Owner!.Timestamp, LastSeen = item.Owner.Timestamp,
                };

            case SendKind.Update:
            case SendKind.Storm:
                state!.UpdateQueued = false;
                if (!state.Open || (item.Kind == SendKind.Update && state.UnsentOccurrences == 0))
                {
                    _counters.Superseded++;
                    return null;
                }

                state.UnsentOccurrences = 0;
                state.LastEventAt = now;
                return new PreparedSend(item, EventAction.Trigger, item.DedupKey)
                {
                    Candidate = state.Latest, Signature = state.Signature, Severity = state.Severity, Occurrences = state.Occurrences,
                    FirstSeen = state.FirstSeen, LastSeen = state.LastSeen,
                    StormMembers = state.IsStorm ? SnapshotMembers(state) : null, StormMemberCount = state.StormMemberCount,
                };

            default:
                return new PreparedSend(item, item.Action, item.DedupKey) { Candidate = item.Owner };
        }
    }

    /// <summary>Keys of the updates that are scheduled but not yet queued (pending work for a flush report).</summary>
    public List<string> ScheduledUpdateKeys()
    {
        var keys = new List<string>(_scheduledUpdates.Count);
        foreach (var state in _scheduledUpdates)
        {
            if (state.Open && state.UnsentOccurrences > 0)
            {
                keys.Add(state.DedupKey);
            }
        }

        return keys;
    }

    private static List<StormMember> SnapshotMembers(AlertState storm)
    {
        var members = new List<StormMember>(storm.StormMembers!.Count);
        foreach (var m in storm.StormMembers)
        {
            members.Add(new StormMember(m.DedupKey, m.Latest, m.Occurrences, m.FirstSeen, m.LastSeen));
        }

        return members;
    }

    private static void Record(AlertState state, AlertCandidate candidate, Severity severity)
    {
        state.Occurrences++;
        state.UnsentOccurrences++;
        if (!state.IsStorm)
        {
            state.Latest = candidate;
        }

        if (candidate.Timestamp > state.LastSeen)
        {
            state.LastSeen = candidate.Timestamp;
        }

        if (severity > state.Severity)
        {
            state.Severity = severity;
        }
    }

    private void Retrigger(AlertState state, AlertCandidate candidate, AlertIdentity identity, Severity severity, DateTimeOffset now)
    {
        CancelScheduledUpdate(state);
        state.Latest = candidate;
        state.Signature = identity.Signature ?? state.Signature;
        state.Severity = severity;
        state.Occurrences = 1;
        state.UnsentOccurrences = 0;
        state.FirstSeen = candidate.Timestamp;
        state.LastSeen = candidate.Timestamp;
        state.TriggeredAt = now;
        state.LastEventAt = now;
        QueueTrigger(state, candidate, severity);
    }

    private void QueueTrigger(AlertState state, AlertCandidate candidate, Severity severity)
    {
        var priority = severity == Severity.Critical ? SendPriority.NewCritical : SendPriority.NewTrigger;
        var item = new SendItem(SendKind.Trigger, priority, state, state.DedupKey, candidate, EventAction.Trigger);
        state.PagedOnItsOwn = true;
        state.QueuedTrigger = item;
        Queue.Add(item);
    }

    /// <summary>The open storm alert, or a new one queued for sending.</summary>
    private AlertState StormAlert(AlertCandidate candidate, Severity severity, DateTimeOffset now)
    {
        if (_states.TryGetValue(_settings.StormDedupKey, out var storm) && storm.Open && storm.IsStorm)
        {
            return storm;
        }

        storm = new AlertState(_settings.StormDedupKey, null, candidate, severity, now)
        {
            Occurrences = 0, StormMembers = new List<AlertState>(), PagedOnItsOwn = true,
        };
        if (_states.TryGetValue(_settings.StormDedupKey, out var stale))
        {
            Forget(stale);
        }

        Track(storm);
        var priority = severity == Severity.Critical ? SendPriority.NewCritical : SendPriority.NewTrigger;
        Queue.Add(new SendItem(SendKind.Storm, priority, storm, storm.DedupKey, null, EventAction.Trigger));
        storm.UpdateQueued = true;
        _counters.Generated++;
        _counters.StormAlerts++;
        return storm;
    }

    private void JoinStorm(AlertState member, AlertState storm)
    {
        if (member.QueuedTrigger is { } queued)
        {
            // Not on the wire yet: the storm alert will list it instead of paging for it separately.
            Queue.Withdraw(queued);
            member.QueuedTrigger = null;
            member.PagedOnItsOwn = false;
            _counters.Superseded++;
        }

        CancelScheduledUpdate(member);
        member.Storm = storm;
        storm.StormMemberCount++;
        if (storm.StormMembers!.Count < MaxListedStormMembers)
        {
            storm.StormMembers.Add(member);
        }

        storm.Occurrences += member.Occurrences;
        storm.UnsentOccurrences += member.Occurrences;
        if (member.Severity > storm.Severity)
        {
            storm.Severity = member.Severity;
        }

        if (member.FirstSeen < storm.FirstSeen)
        {
            storm.FirstSeen = member.FirstSeen;
        }

        if (member.LastSeen > storm.LastSeen)
        {
            storm.LastSeen = member.LastSeen;
        }
    }

    private void ScheduleUpdate(AlertState state)
    {
        if (state.UpdateScheduled || state.UpdateQueued)
        {
            return;
        }

        state.UpdateScheduled = true;
        state.UpdateDueAt = state.LastEventAt + _settings.UpdateInterval;
        _scheduledUpdates.Add(state);
        if (state.UpdateDueAt < _earliestUpdateDue)
        {
            _earliestUpdateDue = state.UpdateDueAt;
        }
    }

    private void CancelScheduledUpdate(AlertState state)
    {
        if (state.UpdateScheduled)
        {
            state.UpdateScheduled = false;
            _scheduledUpdates.Remove(state);
        }
    }

    private void Track(AlertState state)
    {
        while (_states.Count >= _settings.MaxTrackedKeys && _lru.Last is { } oldest)
        {
            Forget(oldest.Value);
        }

        _states[state.DedupKey] = state;
        state.LruNode = _lru.AddFirst(state);
    }

    private void Touch(AlertState state, DateTimeOffset now)
    {
        state.LastOccurrenceAt = now;
        if (state.LruNode is { } node && node != _lru.First)
        {
            _lru.Remove(node);
            _lru.AddFirst(node);
        }
    }

    /// <summary>Stops tracking a key: resolved, quiet, or evicted. Its queued trigger still goes out; its updates do not.</summary>
    private void Forget(AlertState state)
    {
        state.Open = false;
        CancelScheduledUpdate(state);
        if (state.LruNode is { } node)
        {
            _lru.Remove(node);
            state.LruNode = null;
        }

        if (_states.TryGetValue(state.DedupKey, out var current) && current == state)
        {
            _states.Remove(state.DedupKey);
        }
    }
}
