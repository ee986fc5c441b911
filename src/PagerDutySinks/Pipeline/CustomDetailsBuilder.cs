using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// Turns a candidate's properties into the <c>custom_details</c> JSON object: bounded in depth, length and total size,
/// safe against self-referencing values and throwing <c>ToString()</c>, with secrets redacted.
/// </summary>
internal sealed class CustomDetailsBuilder
{
    public const int MaxDepth = 5;
    public const int MaxStringLength = 8 * 1024;
    public const int MaxArrayItems = 100;
    public const int MaxTotalChars = 256 * 1024;
    public const string Redacted = "[redacted]";
    public const string Truncated = "[truncated]";

    private readonly ISet<string> _redacted;
    private readonly ISet<string> _excluded;
    private readonly string[] _special;
    private readonly IDetailsValueConverter? _converter;

    public CustomDetailsBuilder(ISet<string> redacted, ISet<string> excluded, IEnumerable<string> specialProperties, IDetailsValueConverter? converter)
    {
        _redacted = redacted;
        _excluded = excluded;
        _special = new List<string>(specialProperties).ToArray();
        _converter = converter;
    }

    /// <summary>Builds the object; <paramref name="problem"/> describes anything that could not be read.</summary>
    public JsonObject Build(IReadOnlyList<KeyValuePair<string, object?>>? properties, out string? problem)
    {
        problem = null;
        var result = new JsonObject();
        if (properties is null)
        {
            return result;
        }

        var budget = new Budget();
        for (var i = 0; i < properties.Count; i++)
        {
            string name;
            object? value;
            try
            {
                (name, value) = (properties[i].Key, properties[i].Value);
            }
#pragma warning disable CA1031 // a broken property list must not stop the alert
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problem = "property " + i + " could not be read: " + ex.GetType().Name;
                continue;
            }

            if (string.IsNullOrEmpty(name) || IsSpecial(name) || _excluded.Contains(name) || result.ContainsKey(name))
            {
                continue;
            }

            if (budget.Exhausted)
            {
                result["_truncated"] = "further properties left out: custom_details size limit";
                break;
            }

            var key = SafeText.Bound(name, 256);
            budget.Spend(key.Length + 4);
            if (_redacted.Contains(name))
            {
                result[key] = Redacted;
                continue;
            }

            result[key] = Convert(value, MaxDepth, budget, new HashSet<object>(IdentityComparer.Instance), ref problem);
        }

        return result;
    }

    /// <summary>Converts one value (also used for values outside the property list).</summary>
    public JsonNode? ConvertValue(object? value)
    {
        string? problem = null;
        return Convert(value, MaxDepth, new Budget(), new HashSet<object>(IdentityComparer.Instance), ref problem);
    }

    private bool IsSpecial(string name)
    {
        foreach (var special in _special)
        {
            if (string.Equals(special, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // MEL's state repeats the template under this name; it is sent once as message_template.
        return name == "{OriginalFormat}";
    }

    private JsonNode? Convert(object? value, int depth, Budget budget, HashSet<object> visiting, ref string? problem)
    {
        if (value is null)
        {
            return null;
        }

        if (budget.Exhausted)
        {
            return Truncated;
        }

        if (TryScalar(value, budget, out var scalar))
        {
            return scalar;
        }

        if (_converter is not null)
        {
            try
            {
                if (_converter.TryConvert(value, depth, out var converted))
                {
                    budget.Spend(converted is null ? 4 : EstimateSize(converted));
                    return converted;
                }
            }
#pragma warning disable CA1031 // an adapter converter failing degrades to ToString()
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problem = "value converter failed: " + ex.GetType().Name;
            }
        }

        if (value is JsonNode node)
        {
            var clone = node.DeepClone();
            budget.Spend(EstimateSize(clone));
            return clone;
        }

        if (depth <= 0)
        {
            return Text(SafeText.Of(value), budget);
        }

        if (!visiting.Add(value))
        {
            return "[circular]";
        }

        try
        {
            return value switch
            {
                IDictionary dictionary => ConvertDictionary(dictionary, depth, budget, visiting, ref problem),
                IEnumerable<KeyValuePair<string, object?>> pairs => ConvertPairs(pairs, depth, budget, visiting, ref problem),
                IEnumerable sequence => ConvertSequence(sequence, depth, budget, visiting, ref problem),
                _ => Text(SafeText.Of(value), budget),
            };
        }
#pragma warning disable CA1031 // enumerating user collections may throw
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problem = "a value could not be read: " + ex.GetType().Name;
            return "[unreadable: " + ex.GetType().Name + "]";
        }
        finally
        {
            visiting.Remove(value);
        }
    }

    private JsonObject ConvertDictionary(IDictionary dictionary, int depth, Budget budget, HashSet<object> visiting, ref string? problem)
    {
        var result = new JsonObject();
        var count = 0;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (!AddMember(result, SafeText.Of(entry.Key), entry.Value, ref count, depth, budget, visiting, ref problem))
            {
                break;
            }
        }

        return result;
    }

    private JsonObject ConvertPairs(IEnumerable<KeyValuePair<string, object?>> pairs, int depth, Budget budget, HashSet<object> visiting, ref string? problem)
    {
        var result = new JsonObject();
        var count = 0;
        foreach (var pair in pairs)
        {
            if (!AddMember(result, pair.Key ?? "", pair.Value, ref count, depth, budget, visiting, ref problem))
            {
                break;
            }
        }

        return result;
    }

    private bool AddMember(JsonObject target, string name, object? value, ref int count, int depth, Budget budget, HashSet<object> visiting, ref string? problem)
    {
        if (count >= MaxArrayItems || budget.Exhausted)
        {
            target["_truncated"] = Truncated;
            return false;
        }

        var key = SafeText.Bound(name, 256);
        if (target.ContainsKey(key))
        {
            return true;
        }

        count++;
        budget.Spend(key.Length + 4);
        target[key] = _redacted.Contains(name) ? Redacted : Convert(value, depth - 1, budget, visiting, ref problem);
        return true;
    }

    private JsonArray ConvertSequence(IEnumerable sequence, int depth, Budget budget, HashSet<object> visiting, ref string? problem)
    {
        var result = new JsonArray();
        foreach (var item in sequence)
        {
            if (result.Count >= MaxArrayItems || budget.Exhausted)
            {
                result.Add((JsonNode)JsonValue.Create(Truncated));
                break;
            }

            budget.Spend(1);
            result.Add(Convert(item, depth - 1, budget, visiting, ref problem));
        }

        return result;
    }

    private static bool TryScalar(object value, Budget budget, out JsonNode? node)
    {
        budget.Spend(8);
        switch (value)
        {
            case string s: node = Text(s, budget); return true;
            case bool b: node = JsonValue.Create(b); return true;
            case int i: node = JsonValue.Create(i); return true;
            case long l: node = JsonValue.Create(l); return true;
            case short sh: node = JsonValue.Create(sh); return true;
            case byte by: node = JsonValue.Create(by); return true;
            case sbyte sb: node = JsonValue.Create(sb); return true;
            case ushort us: node = JsonValue.Create(us); return true;
            case uint ui: node = JsonValue.Create(ui); return true;
            case ulong ul: node = JsonValue.Create(ul); return true;
            case decimal m: node = JsonValue.Create(m); return true;
            case double d: node = double.IsNaN(d) || double.IsInfinity(d) ? JsonValue.Create(d.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(d); return true;
            case float f: node = float.IsNaN(f) || float.IsInfinity(f) ? JsonValue.Create(f.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(f); return true;
            case char c: node = Text(c.ToString(), budget); return true;
            case DateTime dt: node = JsonValue.Create(dt); return true;
            case DateTimeOffset dto: node = JsonValue.Create(dto); return true;
            case Guid g: node = JsonValue.Create(g); return true;
            case TimeSpan ts: node = JsonValue.Create(ts.ToString("c", CultureInfo.InvariantCulture)); return true;
            case Uri uri: node = Text(SafeText.Of(uri), budget); return true;
            case Enum e: node = Text(SafeText.Of(e), budget); return true;
            default: node = null; return false;
        }
    }

    private static JsonValue Text(string text, Budget budget)
    {
        var bounded = SafeText.Bound(text, Math.Min(MaxStringLength, Math.Max(16, budget.Remaining)));
        budget.Spend(bounded.Length + 2);
        return JsonValue.Create(bounded);
    }

    private static int EstimateSize(JsonNode node)
    {
        try
        {
            return node.ToJsonString().Length;
        }
#pragma warning disable CA1031 // an unserializable node is replaced when the event is built
        catch (Exception)
#pragma warning restore CA1031
        {
            return 16;
        }
    }

    /// <summary>Characters still allowed in the whole object, roughly its serialized size.</summary>
    private sealed class Budget
    {
        private int _spent;

        public int Remaining => Math.Max(0, MaxTotalChars - _spent);

        public bool Exhausted => _spent >= MaxTotalChars;

        public void Spend(int chars) => _spent += chars;
    }
}
