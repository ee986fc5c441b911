using System;
using System.Text;

namespace PagerDutySinks.Pipeline;

/// <summary>Fills <c>{Category}</c> and <c>{PropertyName}</c> placeholders in link URLs, URL-escaping the values.</summary>
internal static class LinkTemplate
{
    public static string Fill(string href, AlertCandidate candidate, IDetailsValueConverter? converter)
    {
        if (href.IndexOf('{') < 0)
        {
            return href;
        }

        var builder = new StringBuilder(href.Length + 32);
        var i = 0;
        while (i < href.Length)
        {
            var open = href.IndexOf('{', i);
            var close = open < 0 ? -1 : href.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                builder.Append(href, i, href.Length - i);
                break;
            }

            builder.Append(href, i, open - i);
            var name = href.Substring(open + 1, close - open - 1);
            builder.Append(Uri.EscapeDataString(ValueOf(name, candidate, converter)));
            i = close + 1;
        }

        return builder.ToString();
    }

    private static string ValueOf(string name, AlertCandidate candidate, IDetailsValueConverter? converter)
    {
        if (name == "Category")
        {
            return candidate.Category ?? "";
        }

        if (candidate.Properties is { } properties)
        {
            foreach (var pair in properties)
            {
                if (string.Equals(pair.Key, name, StringComparison.Ordinal))
                {
                    return SpecialProperties.AsText(pair.Value, converter) ?? "";
                }
            }
        }

        return "";
    }
}
