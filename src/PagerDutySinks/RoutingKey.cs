using System;
using PagerDutySinks.Events;

namespace PagerDutySinks;

/// <summary>Validation and masking of routing (integration) keys. A routing key is a secret: only its masked form is ever printed.</summary>
public static class RoutingKey
{
    // Keys shorter than this would be mostly revealed by showing 4 + 4 characters.
    private const int MinimumMaskableLength = 12;
    private const int ShownCharacters = 4;

    /// <summary>Throws a clear <see cref="ArgumentException"/> naming the problem when <paramref name="routingKey"/> is not a valid 32-character key.</summary>
    /// <param name="routingKey">The key to check.</param>
    /// <param name="settingName">The name of the setting or parameter that holds it, for the message.</param>
    /// <exception cref="ArgumentException">The key is missing, of the wrong length, or contains whitespace or characters that cannot be a key; the message shows the key masked.</exception>
    public static void Validate(string? routingKey, string settingName = "routingKey")
    {
        if (!IsValid(routingKey, out var problem))
        {
            throw new ArgumentException($"The routing key in '{settingName}' is invalid: {problem}", settingName);
        }
    }

    /// <summary>Whether <paramref name="routingKey"/> is a valid key, with the reason when not.</summary>
    /// <param name="routingKey">The key to check.</param>
    /// <param name="problem">Why the key is invalid (masked), or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the key is valid.</returns>
    public static bool IsValid(string? routingKey, out string? problem)
    {
        problem = FindProblem(routingKey);
        return problem is null;
    }

    /// <summary>A form of the key safe to print: its first and last characters with the rest hidden, e.g. <c>e93f…d1a6</c>.</summary>
    /// <param name="routingKey">The key.</param>
    /// <returns>The masked key.</returns>
    public static string Mask(string? routingKey)
    {
        if (routingKey is null || routingKey.Length < MinimumMaskableLength)
        {
            return "***";
        }

        return routingKey.Substring(0, ShownCharacters) + EventLimits.Ellipsis + routingKey.Substring(routingKey.Length - ShownCharacters);
    }

    private static string? FindProblem(string? key)
    {
        if (key is null || key.Length == 0)
        {
            return "it is missing. Copy the Integration Key of an Events API v2 integration from the PagerDuty service's Integrations tab.";
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            return "it is blank. Copy the Integration Key of an Events API v2 integration from the PagerDuty service's Integrations tab.";
        }

        var masked = Mask(key);
        if (LooksLikeRestApiToken(key))
        {
            return $"'{masked}' is {key.Length} characters: this looks like a REST API token, not an Events API v2 integration key. Use the 32-character Integration Key of an Events API v2 integration instead.";
        }

        if (HasWhitespace(key))
        {
            var trimmed = key.Trim();
            return trimmed.Length == EventLimits.RoutingKeyLength && !HasWhitespace(trimmed)
                ? $"'{masked}' has leading or trailing whitespace; remove it."
                : $"'{masked}' contains whitespace; a routing key is {EventLimits.RoutingKeyLength} letters and digits.";
        }

        if (key.Length != EventLimits.RoutingKeyLength)
        {
            return $"'{masked}' is {key.Length} characters long; a routing key is exactly {EventLimits.RoutingKeyLength} characters.";
        }

        foreach (var c in key)
        {
            if (!IsAsciiLetterOrDigit(c))
            {
                return $"'{masked}' contains a character that is not an ASCII letter or digit; a routing key is {EventLimits.RoutingKeyLength} letters and digits.";
            }
        }

        return null;
    }

    // REST API tokens are 20 characters of [A-Za-z0-9+_-]; user tokens start with "u+".
    private static bool LooksLikeRestApiToken(string key)
    {
        if (key.StartsWith("u+", StringComparison.Ordinal))
        {
            return true;
        }

        if (key.Length != 20)
        {
            return false;
        }

        var hasTokenPunctuation = false;
        foreach (var c in key)
        {
            if (c is '+' or '_' or '-')
            {
                hasTokenPunctuation = true;
            }
            else if (!IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return hasTokenPunctuation;
    }

    private static bool HasWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
