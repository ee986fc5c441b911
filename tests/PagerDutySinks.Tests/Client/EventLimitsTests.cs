using System;
using System.Linq;
using PagerDutySinks.Events;

namespace PagerDutySinks.Tests.Client;

public class EventLimitsTests
{
    [Fact]
    public void Short_summary_is_unchanged()
    {
        var summary = new string('a', EventLimits.MaxSummaryLength);
        Assert.Same(summary, EventLimits.TruncateSummary(summary));
    }

    [Fact]
    public void Long_summary_is_cut_to_the_limit_with_an_ellipsis()
    {
        var summary = string.Concat(Enumerable.Range(0, 300).Select(i => i.ToString("D4")));
        var cut = EventLimits.TruncateSummary(summary);
        Assert.Equal(EventLimits.MaxSummaryLength, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.StartsWith(cut[..^1], summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Surrogate_pair_at_the_cut_point_is_kept_whole_or_dropped_whole()
    {
        // The emoji's high surrogate is the last character that would be kept (index 1022).
        var summary = new string('x', 1022) + "😀" + new string('y', 100);
        var cut = EventLimits.TruncateSummary(summary);

        Assert.True(cut.Length <= EventLimits.MaxSummaryLength);
        Assert.Equal(new string('x', 1022) + "…", cut);
        Assert.DoesNotContain(cut, char.IsSurrogate);
    }

    [Fact]
    public void Surrogate_pair_before_the_cut_point_is_kept()
    {
        var summary = new string('x', 1021) + "😀" + new string('y', 100);
        var cut = EventLimits.TruncateSummary(summary);
        Assert.Equal(new string('x', 1021) + "😀…", cut);
        Assert.Equal(EventLimits.MaxSummaryLength, cut.Length);
    }

    [Fact]
    public void Short_dedup_key_is_unchanged()
    {
        var key = new string('k', EventLimits.MaxDedupKeyLength);
        Assert.Same(key, EventLimits.BoundDedupKey(key));
    }

    [Fact]
    public void Long_dedup_keys_sharing_a_255_character_prefix_stay_distinct()
    {
        var prefix = new string('p', 255);
        var first = EventLimits.BoundDedupKey(prefix + "-first");
        var second = EventLimits.BoundDedupKey(prefix + "-second");

        Assert.NotEqual(first, second);
        Assert.True(first.Length <= EventLimits.MaxDedupKeyLength);
        Assert.True(second.Length <= EventLimits.MaxDedupKeyLength);
        Assert.StartsWith(new string('p', 200), first, StringComparison.Ordinal);
        Assert.Matches("~[0-9a-f]{32}$", first);
    }

    [Fact]
    public void Bounding_a_long_dedup_key_is_deterministic() =>
        Assert.Equal(EventLimits.BoundDedupKey(new string('z', 1000)), EventLimits.BoundDedupKey(new string('z', 1000)));

    [Fact]
    public void Bounded_dedup_key_never_splits_a_surrogate_pair()
    {
        var key = string.Concat(Enumerable.Repeat("😀", 300));
        var bounded = EventLimits.BoundDedupKey(key);
        Assert.True(bounded.Length <= EventLimits.MaxDedupKeyLength);
        var prefix = bounded[..bounded.IndexOf('~', StringComparison.Ordinal)];
        Assert.Equal(0, prefix.Length % 2);
        Assert.True(char.IsHighSurrogate(prefix[^2]) && char.IsLowSurrogate(prefix[^1]));
    }
}
