using System.Collections.Generic;

namespace PagerDutySinks.Emulator;

/// <summary>Counts of what the emulator received, from <see cref="PagerDutyEmulator.GetStatistics"/>.</summary>
public sealed class EmulatorStatistics
{
    /// <summary>Requests that reached <c>/v2/enqueue</c> or <c>/v2/change/enqueue</c>, whatever the answer.</summary>
    public int Received { get; init; }

    /// <summary>Requests answered 202 after processing.</summary>
    public int Accepted { get; init; }

    /// <summary>Requests answered 400 (invalid).</summary>
    public int Rejected { get; init; }

    /// <summary>Requests answered 429 by the rate limit.</summary>
    public int Throttled { get; init; }

    /// <summary>Requests answered by an injected failure.</summary>
    public int InjectedFailures { get; init; }

    /// <summary>Requests whose connection was dropped by an injected fault.</summary>
    public int Dropped { get; init; }

    /// <summary>Requests their client gave up on before the answer.</summary>
    public int Aborted { get; init; }

    /// <summary>Alerts currently triggered (open, not acknowledged).</summary>
    public int AlertsTriggered { get; init; }

    /// <summary>Alerts currently acknowledged.</summary>
    public int AlertsAcknowledged { get; init; }

    /// <summary>Alerts resolved.</summary>
    public int AlertsResolved { get; init; }

    /// <summary>Change events accepted.</summary>
    public int ChangeEvents { get; init; }

    /// <summary>Per routing key (whole, in memory only; masked in every output), the figures of that key.</summary>
    public IReadOnlyDictionary<string, RoutingKeyStatistics> ByRoutingKey { get; init; } = new Dictionary<string, RoutingKeyStatistics>();
}

/// <summary>What one routing key received.</summary>
public sealed class RoutingKeyStatistics
{
    /// <summary>Every call that reached the server with this key, whatever the answer.</summary>
    public int Received { get; init; }

    /// <summary>The most calls with this key that arrived within any 60-second span (every call counts, 429s included).</summary>
    public int PeakRequestsPerMinute { get; init; }
}
