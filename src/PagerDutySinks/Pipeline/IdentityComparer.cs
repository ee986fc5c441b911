using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace PagerDutySinks.Pipeline;

/// <summary>Compares by reference, so cycle detection works for values that override Equals (not in netstandard2.0).</summary>
internal sealed class IdentityComparer : IEqualityComparer<object>
{
    public static readonly IdentityComparer Instance = new();

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
}
