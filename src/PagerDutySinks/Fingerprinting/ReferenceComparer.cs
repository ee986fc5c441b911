using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace PagerDutySinks.Fingerprinting;

// Identity comparison: the runtime hands out one MethodBase object per method, and exceptions are compared as
// objects; this skips the virtual Equals/GetHashCode of reflection types.
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
