using System;
using System.Threading;
using System.Threading.Tasks;

namespace PagerDutySinks.Pipeline;

/// <summary>A delay on the pipeline's clock, so tests can drive it with a fake one.</summary>
internal static class ClockDelay
{
    public static Task Of(TimeProvider clock, TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return Task.Delay(delay, clock, cancellationToken);
#else
        return clock.Delay(delay, cancellationToken);
#endif
    }
}
