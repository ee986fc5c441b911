using System;
using System.Threading;
using System.Threading.Tasks;

namespace PagerDutySinks;

// TimeProvider-driven waits and timers with one call shape on both targets.
internal static class TimeProviderExtensions
{
    public static Task DelayOn(this TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return Task.Delay(delay, timeProvider, cancellationToken);
#else
        return timeProvider.Delay(delay, cancellationToken);
#endif
    }

    public static CancellationTokenSource CancelAfterOn(this TimeProvider timeProvider, TimeSpan delay)
    {
#if NET8_0_OR_GREATER
        return new CancellationTokenSource(delay, timeProvider);
#else
        return timeProvider.CreateCancellationTokenSource(delay);
#endif
    }
}
