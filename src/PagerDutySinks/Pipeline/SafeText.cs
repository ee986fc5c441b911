using System;
using System.Text;

namespace PagerDutySinks.Pipeline;

/// <summary>Reads text from objects that may misbehave, and keeps strings valid and bounded for JSON.</summary>
internal static class SafeText
{
    /// <summary><see cref="object.ToString"/> that never throws.</summary>
    public static string Of(object value)
    {
        try
        {
            return value.ToString() ?? "";
        }
#pragma warning disable CA1031 // user ToString() may throw anything; the pipeline must not
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return "[unreadable: " + ex.GetType().Name + "]";
        }
    }

    /// <summary>The exception's message, or a placeholder when reading it throws.</summary>
    public static string MessageOf(Exception exception)
    {
        try
        {
            return exception.Message ?? "";
        }
#pragma warning disable CA1031 // overridden Message getters may throw
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return "[unreadable: " + ex.GetType().Name + "]";
        }
    }

    /// <summary>The exception's stack trace, or <see langword="null"/> when there is none or reading it throws.</summary>
    public static string? StackTraceOf(Exception exception)
    {
        try
        {
            return exception.ToString();
        }
#pragma warning disable CA1031 // overridden StackTrace/ToString may throw
        catch (Exception)
#pragma warning restore CA1031
        {
            try
            {
                return exception.StackTrace;
            }
#pragma warning disable CA1031
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters (with an ellipsis, never splitting a
    /// surrogate pair) and replaces lone surrogates, which cannot be encoded as UTF-8, with U+FFFD.
    /// </summary>
    public static string Bound(string text, int maxLength)
    {
        var truncated = false;
        if (text.Length > maxLength)
        {
            var cut = Math.Max(0, maxLength - 1);
            if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            text = text.Substring(0, cut);
            truncated = true;
        }

        if (HasLoneSurrogate(text))
        {
            text = ReplaceLoneSurrogates(text);
        }

        return truncated ? text + "…" : text;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return true;
            }

            if (char.IsLowSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
