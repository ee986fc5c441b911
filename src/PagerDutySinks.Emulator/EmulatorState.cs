using System;
using System.Collections.Generic;
using System.Linq;

namespace PagerDutySinks.Emulator;

/// <summary>Everything the emulator remembers, behind one lock.</summary>
internal sealed class EmulatorState
{
    private readonly object _gate = new();
    private readonly List<EmulatedAlert> _alerts = [];
    private readonly Dictionary<(string RoutingKey, string DedupKey), EmulatedAlert> _open = [];
    private readonly List<ReceivedEvent> _events = [];
    private readonly Dictionary<string, RequestWindow> _windows = new(StringComparer.Ordinal);

    public IReadOnlyList<EmulatedAlert> Alerts
    {
        get
        {
            lock (_gate)
            {
                return _alerts.Select(a => a.Snapshot()).ToArray();
            }
        }
    }

    public IReadOnlyList<ReceivedEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToArray();
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _alerts.Clear();
            _open.Clear();
            _events.Clear();
            _windows.Clear();
        }
    }

    /// <summary>Counts a call that reached the server, for the peak figures.</summary>
    public void RecordCall(string routingKey, DateTimeOffset at)
    {
        lock (_gate)
        {
            Window(routingKey).RecordCall(at);
        }
    }

    public bool TryAdmit(string routingKey, DateTimeOffset at, int limit, out TimeSpan freeIn)
    {
        lock (_gate)
        {
            return Window(routingKey).TryAdmit(at, limit, out freeIn);
        }
    }

    public void Record(ReceivedEvent received)
    {
        lock (_gate)
        {
            _events.Add(received);
        }
    }

    /// <summary>Applies a valid alert event and records it; returns the entry recorded.</summary>
    public void ApplyAlertEvent(ReceivedEvent received, string summary, string severity)
    {
        var routingKey = received.RoutingKey!;
        var dedupKey = received.DedupKey!;
        lock (_gate)
        {
            _events.Add(received);
            _open.TryGetValue((routingKey, dedupKey), out var alert);
            switch (received.EventAction)
            {
                case "trigger" when alert is null:
                    alert = new EmulatedAlert
                    {
                        Id = Guid.NewGuid().ToString("N"),
                        RoutingKey = routingKey,
                        DedupKey = dedupKey,
                        Status = AlertStatus.Triggered,
                        CreatedAt = received.ReceivedAt,
                        Summary = summary,
                        Severity = severity,
                    };
                    alert.LogEntries.Add(received);
                    _alerts.Add(alert);
                    _open[(routingKey, dedupKey)] = alert;
                    break;
                case "trigger":
                    // PagerDuty appends a repeated trigger to the open alert and keeps its status (an acknowledged alert stays acknowledged).
                    alert!.Summary = summary;
                    alert.Severity = severity;
                    alert.LogEntries.Add(received);
                    break;
                case "acknowledge" when alert is not null:
                    alert.Status = AlertStatus.Acknowledged;
                    alert.AcknowledgedAt = received.ReceivedAt;
                    alert.LogEntries.Add(received);
                    break;
                case "resolve" when alert is not null:
                    alert.Status = AlertStatus.Resolved;
                    alert.ResolvedAt = received.ReceivedAt;
                    alert.LogEntries.Add(received);
                    _open.Remove((routingKey, dedupKey));
                    break;
                default:
                    // Acknowledge or resolve with no open alert: PagerDuty accepts it and changes nothing.
                    break;
            }
        }
    }

    public int PeakRequestsPerMinute(string routingKey)
    {
        lock (_gate)
        {
            return _windows.TryGetValue(routingKey, out var window) ? window.PeakPerMinute() : 0;
        }
    }

    public EmulatorStatistics Statistics()
    {
        lock (_gate)
        {
            int Count(ReceivedOutcome outcome) => _events.Count(e => e.Outcome == outcome);
            return new EmulatorStatistics
            {
                Received = _events.Count,
                Accepted = Count(ReceivedOutcome.Accepted),
                Rejected = Count(ReceivedOutcome.Rejected),
                Throttled = Count(ReceivedOutcome.Throttled),
                InjectedFailures = Count(ReceivedOutcome.InjectedFailure),
                Dropped = Count(ReceivedOutcome.Dropped),
                Aborted = Count(ReceivedOutcome.Aborted),
                AlertsTriggered = _alerts.Count(a => a.Status == AlertStatus.Triggered),
                AlertsAcknowledged = _alerts.Count(a => a.Status == AlertStatus.Acknowledged),
                AlertsResolved = _alerts.Count(a => a.Status == AlertStatus.Resolved),
                ChangeEvents = _events.Count(e => e.IsChangeEvent && e.Outcome == ReceivedOutcome.Accepted),
                ByRoutingKey = _windows.ToDictionary(
                    pair => pair.Key,
                    pair => new RoutingKeyStatistics { Received = pair.Value.CallCount, PeakRequestsPerMinute = pair.Value.PeakPerMinute() },
                    StringComparer.Ordinal),
            };
        }
    }

    private RequestWindow Window(string routingKey)
    {
        if (!_windows.TryGetValue(routingKey, out var window))
        {
            window = new RequestWindow();
            _windows[routingKey] = window;
        }

        return window;
    }
}
