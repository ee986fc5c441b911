using System;
using System.Globalization;
using System.Text.Json.Nodes;
using PagerDutySinks.Pipeline;
using Serilog.Events;

namespace PagerDutySinks.Serilog;

/// <summary>
/// Turns Serilog property values into JSON for <c>custom_details</c>: scalars become JSON scalars, sequences arrays,
/// structures objects (with <c>$type</c> when Serilog recorded the type) and dictionaries objects keyed by the rendered key.
/// Nesting, items per container and string lengths are bounded like the core's own conversion, and conversion never throws.
/// </summary>
public sealed class SerilogDetailsValueConverter : IDetailsValueConverter
{
    private const string TypeTagName = "$type";

    private const string TruncatedMarkerName = "_truncated";
    private const string TruncatedMarker = "[truncated]";

    // What a container beyond the depth bound is shown as, bounded so one huge value cannot swamp the alert.
    private const int MaxTruncatedRenderingLength = 200;

    // The same bounds the core applies to plain values, so a Serilog value cannot outgrow them.
    private const int MaxItemsPerContainer = 100;
    private const int MaxStringLength = 8 * 1024;

    /// <summary>The shared instance; the converter holds no state.</summary>
    public static SerilogDetailsValueConverter Instance { get; } = new();

    /// <inheritdoc />
    public bool TryConvert(object value, int maxDepth, out JsonNode? node)
    {
        if (value is not LogEventPropertyValue propertyValue)
        {
            node = null;
            return false;
        }

        try
        {
            node = Convert(propertyValue, maxDepth);
            return true;
        }
        catch (Exception)
        {
            // A value's ToString or an odd scalar may throw; the alert must still go out, so fall back to the default conversion.
            node = null;
            return false;
        }
    }

    /// <inheritdoc />
    public object? Unwrap(object? value) => value is ScalarValue scalar ? scalar.Value : value;

    private static JsonNode? Convert(LogEventPropertyValue value, int maxDepth)
    {
        switch (value)
        {
            case ScalarValue scalar:
                return ConvertScalar(scalar.Value);
            case SequenceValue sequence when maxDepth > 0:
                var array = new JsonArray();
                foreach (var element in sequence.Elements)
                {
                    if (array.Count == MaxItemsPerContainer)
                    {
                        array.Add(TruncatedMarker);
                        break;
                    }

                    array.Add(Convert(element, maxDepth - 1));
                }

                return array;
            case StructureValue structure when maxDepth > 0:
                var structureObject = new JsonObject();
                if (structure.TypeTag != null)
                {
                    structureObject[TypeTagName] = structure.TypeTag;
                }

                foreach (var property in structure.Properties)
                {
                    if (structureObject.Count >= MaxItemsPerContainer)
                    {
                        structureObject[TruncatedMarkerName] = TruncatedMarker;
                        break;
                    }

                    // The indexer (not Add) so a repeated name overwrites instead of throwing.
                    structureObject[property.Name] = Convert(property.Value, maxDepth - 1);
                }

                return structureObject;
            case DictionaryValue dictionary when maxDepth > 0:
                var dictionaryObject = new JsonObject();
                foreach (var entry in dictionary.Elements)
                {
                    if (dictionaryObject.Count >= MaxItemsPerContainer)
                    {
                        dictionaryObject[TruncatedMarkerName] = TruncatedMarker;
                        break;
                    }

                    dictionaryObject[KeyText(entry.Key.Value)] = Convert(entry.Value, maxDepth - 1);
                }

                return dictionaryObject;
            default:
                return Truncated(value.ToString());
        }
    }

    private static string KeyText(object? key) => key switch
    {
        null => "null",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? "",
    };

    private static JsonValue? ConvertScalar(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(Bounded(text)),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        short number => JsonValue.Create(number),
        byte number => JsonValue.Create(number),
        sbyte number => JsonValue.Create(number),
        ushort number => JsonValue.Create(number),
        uint number => JsonValue.Create(number),
        ulong number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        double number => FiniteOrText(number),
        float number => FiniteOrText(number),
        char character => JsonValue.Create(character.ToString()),
        DateTime time => JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)),
        DateTimeOffset time => JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)),
        TimeSpan span => JsonValue.Create(span.ToString("c", CultureInfo.InvariantCulture)),
        Guid id => JsonValue.Create(id.ToString()),
        byte[] bytes => JsonValue.Create(Bounded(System.Convert.ToBase64String(bytes))),
        Enum member => JsonValue.Create(member.ToString()),
        IFormattable formattable => JsonValue.Create(Bounded(formattable.ToString(null, CultureInfo.InvariantCulture))),
        _ => JsonValue.Create(Bounded(value.ToString() ?? "")),
    };

    // JSON has no NaN or infinity; keep them readable rather than failing the whole event.
    private static JsonValue FiniteOrText(double number) =>
        double.IsNaN(number) || double.IsInfinity(number)
            ? JsonValue.Create(number.ToString(CultureInfo.InvariantCulture))
            : JsonValue.Create(number);

    private static JsonValue FiniteOrText(float number) =>
        float.IsNaN(number) || float.IsInfinity(number)
            ? JsonValue.Create(number.ToString(CultureInfo.InvariantCulture))
            : JsonValue.Create(number);

    private static JsonValue Truncated(string rendering) =>
        JsonValue.Create(rendering.Length <= MaxTruncatedRenderingLength
            ? rendering
            : rendering.Remove(MaxTruncatedRenderingLength) + "…")!;

    private static string Bounded(string text) =>
        text.Length <= MaxStringLength ? text : text.Remove(MaxStringLength) + "…";
}
