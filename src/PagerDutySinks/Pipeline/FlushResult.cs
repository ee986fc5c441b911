using System;
using System.Collections.Generic;

namespace PagerDutySinks.Pipeline;

/// <summary>What a flush or shutdown achieved.</summary>
public sealed class FlushResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="completed">Whether everything pending was delivered (or definitively rejected) before the timeout.</param>
    /// <param name="notDeliveredCount">How many pending events were not sent.</param>
    /// <param name="notDeliveredDedupKeys">The dedup keys of those events.</param>
    public FlushResult(bool completed, int notDeliveredCount = 0, IReadOnlyList<string>? notDeliveredDedupKeys = null)
    {
        Completed = completed;
        NotDeliveredCount = notDeliveredCount;
        NotDeliveredDedupKeys = notDeliveredDedupKeys ?? Array.Empty<string>();
    }

    /// <summary>Whether everything pending was handled before the timeout.</summary>
    public bool Completed { get; }

    /// <summary>How many pending events were not sent.</summary>
    public int NotDeliveredCount { get; }

    /// <summary>The dedup keys of the events not sent.</summary>
    public IReadOnlyList<string> NotDeliveredDedupKeys { get; }
}
