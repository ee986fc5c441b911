namespace PagerDutySinks.Events;

/// <summary>The <c>event_action</c> of an alert event.</summary>
public enum EventAction
{
    /// <summary>Opens an alert, or adds a log entry to the open alert with the same dedup key.</summary>
    Trigger,

    /// <summary>Acknowledges the open alert with the given dedup key.</summary>
    Acknowledge,

    /// <summary>Resolves the open alert with the given dedup key.</summary>
    Resolve,
}
