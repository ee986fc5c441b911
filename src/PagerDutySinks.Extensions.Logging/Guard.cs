using System;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>Argument checks that compile on every target framework.</summary>
internal static class Guard
{
    public static void NotNull(object? value, string name)
    {
#if NET6_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(value, name);
#else
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
#endif
    }
}
