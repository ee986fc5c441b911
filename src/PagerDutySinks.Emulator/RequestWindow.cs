using System;
using System.Collections.Generic;

namespace PagerDutySinks.Emulator;

/// <summary>
/// The request history of one routing key: a sliding 60-second log of admitted calls for the rate limit, and the
/// arrival time of every call for the peak-per-minute figure. Not thread-safe; <see cref="EmulatorState"/> locks.
/// </summary>
internal sealed class RequestWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    private readonly Queue<DateTimeOffset> _admitted = new();
    private readonly List<DateTimeOffset> _calls = [];

    public void RecordCall(DateTimeOffset at) => _calls.Add(at);

    /// <summary>Admits a call at <paramref name="now"/> unless <paramref name="limit"/> calls were admitted in the 60 s before it.</summary>
    /// <param name="now">The arrival time.</param>
    /// <param name="limit">Calls allowed per window; 0 for no limit.</param>
    /// <param name="freeIn">When refused, how long until the oldest admitted call leaves the window.</param>
    public bool TryAdmit(DateTimeOffset now, int limit, out TimeSpan freeIn)
    {
        freeIn = TimeSpan.Zero;
        while (_admitted.TryPeek(out var oldest) && oldest <= now - Length)
        {
            _admitted.Dequeue();
        }

        if (limit > 0 && _admitted.Count >= limit)
        {
            freeIn = _admitted.Peek() + Length - now;
            return false;
        }

        _admitted.Enqueue(now);
        return true;
    }

    public int CallCount => _calls.Count;

    /// <summary>The most calls that arrived within any 60-second span [t, t + 60 s).</summary>
    public int PeakPerMinute()
    {
        var times = _calls.ToArray();
        Array.Sort(times);
        var peak = 0;
        var start = 0;
        for (var end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= Length)
            {
                start++;
            }

            peak = Math.Max(peak, end - start + 1);
        }

        return peak;
    }
}
