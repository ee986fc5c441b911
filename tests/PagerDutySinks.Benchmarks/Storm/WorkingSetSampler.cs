using System;
using System.Threading;

namespace PagerDutySinks.Benchmarks.Storm;

/// <summary>Samples the process working set every 10 ms; the peak is what the storm reports.</summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public WorkingSetSampler()
    {
        Sample(null);
        _timer = new Timer(Sample, null, 10, 10);
    }

    public long Peak => Interlocked.Read(ref _peak);

    public void Dispose()
    {
        _timer.Dispose();
        Sample(null);
    }

    private void Sample(object? state)
    {
        var now = Environment.WorkingSet;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }
}
