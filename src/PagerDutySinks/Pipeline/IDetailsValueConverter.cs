using System.Text.Json.Nodes;

namespace PagerDutySinks.Pipeline;

/// <summary>Turns adapter-specific property values (e.g. Serilog's <c>LogEventPropertyValue</c>) into JSON for <c>custom_details</c>.</summary>
public interface IDetailsValueConverter
{
    /// <summary>Converts <paramref name="value"/> when this converter knows its type.</summary>
    /// <param name="value">The property value.</param>
    /// <param name="maxDepth">How many more levels of nesting may be written.</param>
    /// <param name="node">The JSON value.</param>
    /// <returns><see langword="true"/> when the value was converted; <see langword="false"/> to let the default conversion handle it.</returns>
    bool TryConvert(object value, int maxDepth, out JsonNode? node);

    /// <summary>Returns the plain scalar behind an adapter value (e.g. the string inside a Serilog <c>ScalarValue</c>), for special properties such as the dedup key.</summary>
    /// <param name="value">The property value.</param>
    /// <returns>The scalar, or <paramref name="value"/> itself.</returns>
    object? Unwrap(object? value);
}
