using System;

namespace PagerDutySinks;

/// <summary>Validation and masking of routing (integration) keys. A routing key is a secret: only its masked form is ever printed.</summary>
public static class RoutingKey
{
    /// <summary>Throws a clear <see cref="ArgumentException"/> naming the problem when <paramref name="routingKey"/> is not a valid 32-character key.</summary>
    /// <param name="routingKey">The key to check.</param>
    /// <param name="settingName">The name of the setting or parameter that holds it, for the message.</param>
    /// <exception cref="ArgumentException">The key is missing, of the wrong length, or contains whitespace or characters that cannot be a key; the message shows the key masked.</exception>
    public static void Validate(string? routingKey, string settingName = "routingKey") => throw new NotImplementedException();

    /// <summary>Whether <paramref name="routingKey"/> is a valid key, with the reason when not.</summary>
    /// <param name="routingKey">The key to check.</param>
    /// <param name="problem">Why the key is invalid (masked), or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the key is valid.</returns>
    public static bool IsValid(string? routingKey, out string? problem) => throw new NotImplementedException();

    /// <summary>A form of the key safe to print: its first and last characters with the rest hidden, e.g. <c>e93f…d1a6</c>.</summary>
    /// <param name="routingKey">The key.</param>
    /// <returns>The masked key.</returns>
    public static string Mask(string? routingKey) => throw new NotImplementedException();
}
