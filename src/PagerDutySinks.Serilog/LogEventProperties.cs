using System.Collections;
using System.Collections.Generic;
using PagerDutySinks.Pipeline;
using Serilog.Events;

namespace PagerDutySinks.Serilog;

/// <summary>
/// A log event's properties in the shape the core reads, materialised on first use so the logging thread only wraps the
/// event. Also how the consumer finds the event again to render its message.
/// </summary>
internal sealed class LogEventProperties : IReadOnlyList<KeyValuePair<string, object?>>, IPropertyLookup
{
    private KeyValuePair<string, object?>[]? _items;

    /// <summary>Wraps an event.</summary>
    /// <param name="logEvent">The event.</param>
    internal LogEventProperties(LogEvent logEvent) => LogEvent = logEvent;

    /// <summary>The wrapped event.</summary>
    internal LogEvent LogEvent { get; }

    /// <inheritdoc />
    public int Count => Items.Length;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => Items[index];

    private KeyValuePair<string, object?>[] Items => _items ??= Materialise(LogEvent);

    /// <inheritdoc />
    public bool TryGetProperty(string name, out object? value)
    {
        if (LogEvent.Properties.TryGetValue(name, out var property))
        {
            value = property;
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)Items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static KeyValuePair<string, object?>[] Materialise(LogEvent logEvent)
    {
        var items = new KeyValuePair<string, object?>[logEvent.Properties.Count];
        var index = 0;
        foreach (var property in logEvent.Properties)
        {
            items[index++] = new KeyValuePair<string, object?>(property.Key, property.Value);
        }

        return items;
    }
}
