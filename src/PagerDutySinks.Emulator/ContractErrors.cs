using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PagerDutySinks.Emulator;

/// <summary>Collects contract errors, remembering which fields had the wrong type so no second error is piled on them.</summary>
internal sealed class ContractErrors
{
    private readonly List<string> _errors = [];
    private readonly HashSet<string> _typeErrors = [];

    public void Add(string error) => _errors.Add(error);

    public bool HasTypeError(string path) => _typeErrors.Contains(path);

    /// <summary>Reads an optional string property: absent gives <see langword="null"/>; any non-string (null included) is an error.</summary>
    public string? OptionalString(JsonObject owner, string name, string prefix = "")
    {
        if (!owner.TryGetPropertyValue(name, out var node))
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        var path = prefix + name;
        _typeErrors.Add(path);
        _errors.Add($"'{path}' must be a string");
        return null;
    }

    public IReadOnlyList<string> ToList() => _errors.ToArray();
}
