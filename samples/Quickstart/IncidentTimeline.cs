using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Quickstart;

/// <summary>Paces the incident: phases start at fractions of the chosen duration.</summary>
internal sealed class IncidentTimeline(TimeSpan duration)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task WaitUntilAsync(double fraction, CancellationToken cancellationToken)
    {
        var due = TimeSpan.FromTicks((long)(duration.Ticks * fraction)) - _clock.Elapsed;
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due, cancellationToken);
        }
    }
}
