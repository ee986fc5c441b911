using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>
/// Gathers an event's properties on the logging thread: the structured state, the event id, and the scopes.
/// The event's own properties win over scope properties, and inner scopes over outer ones, so a
/// <c>PagerDutyDedupKey</c> set closest to the log call is the one that counts.
/// </summary>
internal sealed class LogPropertyCollector
{
    /// <summary>The key under which MEL keeps the message template in structured state.</summary>
    public const string OriginalFormatKey = "{OriginalFormat}";

    /// <summary>The property holding scopes that are not name/value pairs (plain strings, rendered message scopes).</summary>
    public const string ScopePropertyName = "Scope";

    private static readonly Action<object?, LogPropertyCollector> AddScopeCallback = static (scope, collector) => collector.AddScope(scope);

    private readonly List<KeyValuePair<string, object?>> _properties = new();
    private List<KeyValuePair<string, object?>>? _scopeProperties;
    private List<string>? _scopeTexts;

    /// <summary>The <c>{OriginalFormat}</c> of the state, if it had one.</summary>
    public string? MessageTemplate { get; private set; }

    public void AddState<TState>(TState state)
    {
        if (state is IReadOnlyList<KeyValuePair<string, object?>> list)
        {
            // Indexing avoids an enumerator allocation on the common FormattedLogValues / LoggerMessage states.
            for (var i = 0; i < list.Count; i++)
            {
                AddStateProperty(list[i]);
            }
        }
        else if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var pair in pairs)
            {
                AddStateProperty(pair);
            }
        }
    }

    public void AddEventId(EventId eventId)
    {
        if (eventId.Id != 0)
        {
            _properties.Add(new KeyValuePair<string, object?>("EventId", eventId.Id));
        }

        if (!string.IsNullOrEmpty(eventId.Name))
        {
            _properties.Add(new KeyValuePair<string, object?>("EventName", eventId.Name));
        }
    }

    public void AddScopes(IExternalScopeProvider scopeProvider) => scopeProvider.ForEachScope(AddScopeCallback, this);

    /// <summary>The properties: state and event id first, then scope properties not already present, then the scope texts.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> ToProperties()
    {
        if (_scopeProperties is not null)
        {
            // Scopes arrive outermost first; walking them backwards lets the innermost value of a name win.
            var stateCount = _properties.Count;
            for (var i = _scopeProperties.Count - 1; i >= 0; i--)
            {
                var candidate = _scopeProperties[i];
                if (IndexOf(candidate.Key) < 0)
                {
                    _properties.Add(candidate);
                }
            }

            // Restore outer-to-inner order among the added scope properties, for readable details.
            _properties.Reverse(stateCount, _properties.Count - stateCount);
        }

        if (_scopeTexts is not null && IndexOf(ScopePropertyName) < 0)
        {
            _properties.Add(new KeyValuePair<string, object?>(ScopePropertyName, _scopeTexts.ToArray()));
        }

        return _properties;
    }

    private void AddStateProperty(KeyValuePair<string, object?> pair)
    {
        if (pair.Key == OriginalFormatKey)
        {
            MessageTemplate = pair.Value as string;
            return;
        }

        _properties.Add(pair);
    }

    private void AddScope(object? scope)
    {
        switch (scope)
        {
            case null:
                return;
            case string text:
                AddScopeText(text);
                return;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                var rendered = false;
                foreach (var pair in pairs)
                {
                    if (pair.Key == OriginalFormatKey)
                    {
                        // BeginScope("Order {OrderId}", id): keep both the values and the sentence.
                        rendered = true;
                        continue;
                    }

                    (_scopeProperties ??= new()).Add(pair);
                }

                if (rendered)
                {
                    AddScopeText(scope.ToString());
                }

                return;
            case IEnumerable<KeyValuePair<string, string?>> stringPairs:
                foreach (var pair in stringPairs)
                {
                    (_scopeProperties ??= new()).Add(new KeyValuePair<string, object?>(pair.Key, pair.Value));
                }

                return;
            default:
                AddScopeText(scope.ToString());
                return;
        }
    }

    private void AddScopeText(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            (_scopeTexts ??= new()).Add(text!);
        }
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _properties.Count; i++)
        {
            if (string.Equals(_properties[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
