using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PagerDutySinks.Events;

namespace PagerDutySinks.Client;

/// <summary>Reads PagerDuty's answers, tolerating bodies that are empty, not JSON, or from a proxy.</summary>
internal static class ResponseReader
{
    private const int ExcerptLength = 200;

    private static readonly Regex Tags = new("<[^>]*>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Spaces = new(@"\s+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The parsed <c>{status, message, dedup_key, errors}</c>, or <see langword="null"/> when the body is not that.</summary>
    public static EnqueueResponse? TryParse(byte[]? body)
    {
        if (body is null || body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, PagerDutyJsonContext.Default.EnqueueResponse);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The errors of a parsed answer, without blanks.</summary>
    public static IReadOnlyList<string> ErrorsOf(EnqueueResponse? response) =>
        response?.Errors?.Where(e => !string.IsNullOrWhiteSpace(e)).ToList() ?? (IReadOnlyList<string>)Array.Empty<string>();

    /// <summary>A short, single-line excerpt of a body for messages: tags stripped, whitespace collapsed.</summary>
    public static string? Excerpt(byte[]? body)
    {
        if (body is null || body.Length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 16 * 1024));
        try
        {
            text = Spaces.Replace(Tags.Replace(text, " "), " ").Trim();
        }
        catch (RegexMatchTimeoutException)
        {
            text = text.Trim();
        }

        return text.Length == 0 ? null : EventLimits.Truncate(text, ExcerptLength);
    }
}
