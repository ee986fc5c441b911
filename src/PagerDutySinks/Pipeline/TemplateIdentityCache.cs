using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// Remembers template fingerprints by the identity of the template and category strings. A log statement passes the
/// same template instance every time it runs, so a statement in a hot loop is fingerprinted once. Bounded; consumer
/// thread only.
/// </summary>
internal sealed class TemplateIdentityCache
{
    private const int Capacity = 4096;
    private readonly Dictionary<Key, AlertIdentity> _entries = new(new KeyComparer());

    public bool TryGet(string template, string? category, out AlertIdentity identity) =>
        _entries.TryGetValue(new Key(template, category), out identity);

    public void Add(string template, string? category, AlertIdentity identity)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[new Key(template, category)] = identity;
    }

    private readonly struct Key
    {
        public Key(string template, string? category)
        {
            Template = template;
            Category = category;
        }

        public string Template { get; }

        public string? Category { get; }
    }

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public bool Equals(Key x, Key y) => ReferenceEquals(x.Template, y.Template) && ReferenceEquals(x.Category, y.Category);

        public int GetHashCode(Key key) =>
            unchecked((RuntimeHelpers.GetHashCode(key.Template) * 397) ^ (key.Category is null ? 0 : RuntimeHelpers.GetHashCode(key.Category)));
    }
}
