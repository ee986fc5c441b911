using System;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Quickstart;

/// <summary>Listens to the PagerDutySinks meter, so the report can show what the sinks coalesced and dropped.</summary>
internal sealed class PipelineMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public PipelineMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "PagerDutySinks")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        _listener.Start();
    }

    /// <summary>The total of a counter whose name ends with <paramref name="suffix"/>, e.g. <c>dropped</c>.</summary>
    public long Total(string suffix)
    {
        long sum = 0;
        foreach (var pair in _totals)
        {
            if (pair.Key.EndsWith(suffix, StringComparison.Ordinal))
            {
                sum += pair.Value;
            }
        }

        return sum;
    }

    public void Dispose() => _listener.Dispose();
}
