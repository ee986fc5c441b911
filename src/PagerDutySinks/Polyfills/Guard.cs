using System;
using System.Diagnostics.CodeAnalysis;

namespace PagerDutySinks;

// One null check for both targets: the analyzers ask for ThrowIfNull, which netstandard2.0 lacks.
internal static class Guard
{
    public static void NotNull([NotNull] object? value, string name)
    {
#if NET8_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(value, name);
#else
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
#endif
    }
}
