using System;
using System.Collections.Generic;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// Counts new dedup keys in a sliding window. More than the threshold within the window starts a storm, which lasts
/// until a whole window passes without a new key. Keeps at most threshold + 1 entries. Not thread-safe.
/// </summary>
internal sealed class StormDetector
{
    private readonly int _threshold;
    private readonly TimeSpan _window;
    private readonly Queue<(DateTimeOffset At, AlertState State)> _recent = new();
    private DateTimeOffset _lastNewKeyAt;

    public StormDetector(int threshold, TimeSpan window)
    {
        _threshold = threshold;
        _window = window;
    }

    public bool Active { get; private set; }

    /// <summary>Records a new key. Returns the keys of the window when this one starts a storm, else <see langword="null"/>.</summary>
    public List<AlertState>? OnNewKey(AlertState state, DateTimeOffset now)
    {
        if (Active && now - _lastNewKeyAt >= _window)
        {
            Active = false;
        }

        _lastNewKeyAt = now;
        if (Active)
        {
            return null;
        }

        while (_recent.Count > 0 && now - _recent.Peek().At >= _window)
        {
            _recent.Dequeue();
        }

        _recent.Enqueue((now, state));
        if (_recent.Count <= _threshold)
        {
            return null;
        }

        Active = true;
        var members = new List<AlertState>(_recent.Count);
        foreach (var entry in _recent)
        {
            members.Add(entry.State);
        }

        _recent.Clear();
        return members;
    }
}
