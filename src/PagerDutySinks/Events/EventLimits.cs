using System;
using System.IO.Hashing;
using System.Text;

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

    /// <summary>The character that ends a text cut to fit a limit.</summary>
    public const char Ellipsis = '…';

    /// <summary>Separates the readable prefix from the hash in a bounded dedup key.</summary>
    public const char DedupKeyHashSeparator = '~';

    // 128-bit hash written as 32 lower-case hex digits.
    private const int DedupKeyHashLength = 32;

    /// <summary>
    /// Cuts <paramref name="summary"/> to <see cref="MaxSummaryLength"/> characters, ending with an ellipsis
    /// and never splitting a surrogate pair. Shorter summaries are returned unchanged.
    /// </summary>
    /// <param name="summary">The summary to bound.</param>
    /// <returns>A summary PagerDuty accepts.</returns>
    public static string TruncateSummary(string summary) => Truncate(summary, MaxSummaryLength);

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> UTF-16 characters, ending with an ellipsis
    /// when cut and never splitting a surrogate pair.
    /// </summary>
    /// <param name="text">The text to bound.</param>
    /// <param name="maxLength">The maximum length, at least 1.</param>
    /// <returns>The text, or its prefix followed by <see cref="Ellipsis"/>.</returns>
    public static string Truncate(string text, int maxLength)
    {
        Guard.NotNull(text, nameof(text));

        if (maxLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "The maximum length must be at least 1.");
        }

        if (text.Length <= maxLength)
        {
            return text;
        }

        return text.Substring(0, SafeCutLength(text, maxLength - 1)) + Ellipsis;
    }

    /// <summary>
    /// Returns <paramref name="dedupKey"/> unchanged when it fits in <see cref="MaxDedupKeyLength"/>; otherwise a
    /// readable prefix followed by a hash of the whole key, so two long keys never collide by truncation.
    /// </summary>
    /// <param name="dedupKey">The key to bound.</param>
    /// <returns>A dedup key PagerDuty accepts.</returns>
    public static string BoundDedupKey(string dedupKey)
    {
        Guard.NotNull(dedupKey, nameof(dedupKey));

        if (dedupKey.Length <= MaxDedupKeyLength)
        {
            return dedupKey;
        }

        var hash = XxHash128.Hash(Encoding.UTF8.GetBytes(dedupKey));
        var prefixLength = SafeCutLength(dedupKey, MaxDedupKeyLength - 1 - DedupKeyHashLength);
        var builder = new StringBuilder(prefixLength + 1 + DedupKeyHashLength);
        builder.Append(dedupKey, 0, prefixLength).Append(DedupKeyHashSeparator);
        foreach (var b in hash)
        {
            builder.Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
        }

        return builder.ToString();
    }

    /// <summary>The longest prefix length ≤ <paramref name="maxLength"/> that does not end between the halves of a surrogate pair.</summary>
    internal static int SafeCutLength(string text, int maxLength)
    {
        if (maxLength >= text.Length)
        {
            return text.Length;
        }

        return maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) && char.IsLowSurrogate(text[maxLength])
            ? maxLength - 1
            : maxLength;
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}
