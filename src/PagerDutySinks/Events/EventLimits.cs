using System;

namespace PagerDutySinks.Events;

/// <summary>The Events API v2 limits, enforced on the client before anything is sent.</summary>
public static class EventLimits
{
    /// <summary>Length of a routing (integration) key.</summary>
    public const int RoutingKeyLength = 32;

    /// <summary>Maximum length of <c>payload.summary</c>, in UTF-16 characters.</summary>
    public const int MaxSummaryLength = 1024;

    /// <summary>Maximum length of <c>dedup_key</c>.</summary>
    public const int MaxDedupKeyLength = 255;

    /// <summary>Maximum size of a whole serialized event, in bytes (512 KB).</summary>
    public const int MaxEventBytes = 512 * 1024;

    /// <summary>
    /// Cuts <paramref name="summary"/> to <see cref="MaxSummaryLength"/> characters, ending with an ellipsis
    /// and never splitting a surrogate pair. Shorter summaries are returned unchanged.
    /// </summary>
    /// <param name="summary">The summary to bound.</param>
    /// <returns>A summary PagerDuty accepts.</returns>
    public static string TruncateSummary(string summary) => throw new NotImplementedException();

    /// <summary>
    /// Returns <paramref name="dedupKey"/> unchanged when it fits in <see cref="MaxDedupKeyLength"/>; otherwise a
    /// readable prefix followed by a hash of the whole key, so two long keys never collide by truncation.
    /// </summary>
    /// <param name="dedupKey">The key to bound.</param>
    /// <returns>A dedup key PagerDuty accepts.</returns>
    public static string BoundDedupKey(string dedupKey) => throw new NotImplementedException();
}
