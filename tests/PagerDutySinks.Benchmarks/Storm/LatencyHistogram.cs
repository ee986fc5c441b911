using System;
using System.Diagnostics;

namespace PagerDutySinks.Benchmarks.Storm;

/// <summary>Per-call latencies recorded raw (one slot per call) so percentiles are exact.</summary>
internal static class LatencyHistogram
{
    public static double[] Percentiles(long[][] perThreadTicks, params double[] percentiles)
    {
        var total = 0;
        foreach (var t in perThreadTicks)
        {
            total += t.Length;
        }

        var all = new long[total];
        var offset = 0;
        foreach (var t in perThreadTicks)
        {
            Array.Copy(t, 0, all, offset, t.Length);
            offset += t.Length;
        }

        Array.Sort(all);
        var result = new double[percentiles.Length];
        for (var i = 0; i < percentiles.Length; i++)
        {
            var index = percentiles[i] >= 100 ? all.Length - 1 : (int)Math.Min(all.Length - 1, Math.Ceiling(percentiles[i] / 100 * all.Length) - 1);
            result[i] = all[Math.Max(0, index)] * 1_000_000_000.0 / Stopwatch.Frequency;
        }

        return result;
    }
}
