using System;
using System.Collections.Generic;
using System.Linq;

namespace PagerDutySinks.Benchmarks.Storm;

internal static class SlidingWindow
{
    /// <summary>The largest number of timestamps falling in any window of the given length.</summary>
    public static int Peak(IEnumerable<DateTimeOffset> timestamps, TimeSpan window)
    {
        var sorted = timestamps.OrderBy(t => t).ToArray();
        var peak = 0;
        var start = 0;
        for (var end = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] >= window)
            {
                start++;
            }

            peak = Math.Max(peak, end - start + 1);
        }

        return peak;
    }
}
