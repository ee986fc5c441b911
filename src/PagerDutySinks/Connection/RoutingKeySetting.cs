using System;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks;

/// <summary>
/// Reads a routing-key setting that holds either a 32-character integration key or a <c>pagerduty://</c> connection
/// URL, so every adapter accepts both in the same place.
/// </summary>
public static class RoutingKeySetting
{
    /// <summary>Whether <paramref name="value"/> is a usable key or connection URL, with the (masked) reason when not.</summary>
    /// <param name="value">The setting's value.</param>
    /// <param name="problem">Why it is unusable, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when usable.</returns>
    public static bool IsValid(string? value, out string? problem)
    {
        if (PagerDutyConnection.IsConnectionUrl(value))
        {
            return PagerDutyConnection.TryParse(value, out _, out problem);
        }

        return RoutingKey.IsValid(value, out problem);
    }

    /// <summary>Throws a clear <see cref="ArgumentException"/> naming <paramref name="settingName"/> when the value is unusable.</summary>
    /// <param name="value">The setting's value.</param>
    /// <param name="settingName">The setting's name, for the message.</param>
    /// <exception cref="ArgumentException">The value is neither a valid key nor a valid connection URL; the key is masked.</exception>
    public static void Validate(string? value, string settingName) => Parse(value, settingName);

    /// <summary>
    /// Puts the setting into <paramref name="options"/>: a plain key becomes <see cref="AlertPipelineOptions.RoutingKey"/>;
    /// a connection URL also sets the endpoint, and the source, links, images and client it names.
    /// </summary>
    /// <param name="options">The pipeline settings to complete.</param>
    /// <param name="value">The setting's value.</param>
    /// <param name="settingName">The setting's name, for the message.</param>
    /// <exception cref="ArgumentException">The value is neither a valid key nor a valid connection URL; the key is masked.</exception>
    public static void ApplyTo(AlertPipelineOptions options, string? value, string settingName)
    {
        _ = options ?? throw new ArgumentNullException(nameof(options));
        if (Parse(value, settingName) is { } connection)
        {
            connection.ApplyTo(options);
        }
        else
        {
            options.RoutingKey = value!;
        }
    }

    /// <summary>The connection the value names, or <see langword="null"/> for a plain (valid) key.</summary>
    private static PagerDutyConnection? Parse(string? value, string settingName)
    {
        if (!PagerDutyConnection.IsConnectionUrl(value))
        {
            RoutingKey.Validate(value, settingName);
            return null;
        }

        return PagerDutyConnection.TryParse(value, out var connection, out var error)
            ? connection
            : throw new ArgumentException($"{settingName} is not a valid pagerduty:// connection URL: {error}", settingName);
    }
}
