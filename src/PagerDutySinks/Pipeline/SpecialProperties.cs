using System;
using System.Collections.Generic;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>Reads the properties that steer the pipeline (explicit dedup key and action) from a candidate.</summary>
internal static class SpecialProperties
{
    /// <summary>The text of a property value, unwrapped from adapter types.</summary>
    public static string? AsText(object? value, IDetailsValueConverter? converter)
    {
        if (converter is not null)
        {
            try
            {
                value = converter.Unwrap(value);
            }
#pragma warning disable CA1031 // a failing adapter hook must not stop the pipeline
            catch (Exception)
#pragma warning restore CA1031
            {
                // Fall back to the value as given.
            }
        }

        return value switch
        {
            null => null,
            string s => s,
            _ => SafeText.Of(value),
        };
    }

    /// <summary>Finds the explicit dedup key and action, if present.</summary>
    public static void Read(AlertCandidate candidate, string dedupKeyName, string actionName, IDetailsValueConverter? converter,
        out string? dedupKey, out string? actionText)
    {
        dedupKey = null;
        actionText = null;
        if (candidate.Properties is not { } properties)
        {
            return;
        }

        try
        {
            if (properties is IPropertyLookup lookup)
            {
                LookUp(lookup, dedupKeyName, actionName, converter, ref dedupKey, ref actionText);
            }
            else
            {
                ReadFrom(properties, dedupKeyName, actionName, converter, ref dedupKey, ref actionText);
            }
        }
#pragma warning disable CA1031 // an unreadable property list means no special properties; the event still pages
        catch (Exception)
#pragma warning restore CA1031
        {
            // Keep whatever was read before the failure.
        }
    }

    private static void LookUp(IPropertyLookup properties, string dedupKeyName, string actionName,
        IDetailsValueConverter? converter, ref string? dedupKey, ref string? actionText)
    {
        if (properties.TryGetProperty(dedupKeyName, out var key))
        {
            dedupKey = DedupKeyOf(key, converter);
        }

        if (properties.TryGetProperty(actionName, out var action))
        {
            actionText = AsText(action, converter);
        }
    }

    private static string? DedupKeyOf(object? value, IDetailsValueConverter? converter)
    {
        var text = AsText(value, converter);
        return string.IsNullOrWhiteSpace(text) ? null : EventLimits.BoundDedupKey(text!.Trim());
    }

    private static void ReadFrom(IReadOnlyList<KeyValuePair<string, object?>> properties, string dedupKeyName, string actionName,
        IDetailsValueConverter? converter, ref string? dedupKey, ref string? actionText)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            var pair = properties[i];
            if (dedupKey is null && string.Equals(pair.Key, dedupKeyName, StringComparison.Ordinal))
            {
                dedupKey = DedupKeyOf(pair.Value, converter);
            }
            else if (actionText is null && string.Equals(pair.Key, actionName, StringComparison.Ordinal))
            {
                actionText = AsText(pair.Value, converter);
            }
        }
    }
}
