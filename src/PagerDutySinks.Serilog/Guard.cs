using System;

namespace PagerDutySinks.Serilog;

/// <summary>Argument checks that work on every target (netstandard2.0 has no <c>ArgumentNullException.ThrowIfNull</c>).</summary>
internal static class Guard
{
    /// <summary>Returns <paramref name="value"/>, or throws when it is <see langword="null"/>.</summary>
    /// <typeparam name="T">The argument's type.</typeparam>
    /// <param name="value">The argument.</param>
    /// <param name="parameterName">The parameter's name, for the exception.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    internal static T NotNull<T>(T? value, string parameterName)
        where T : class =>
        value ?? throw new ArgumentNullException(parameterName);
}
