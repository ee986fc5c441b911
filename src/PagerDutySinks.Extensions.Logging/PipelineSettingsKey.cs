using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>
/// A canonical text of every bound setting that shapes the pipeline. Configuration reloads fire for any change in the
/// configuration; comparing keys keeps the running pipeline (and its open alerts) unless one of its own settings changed.
/// </summary>
internal static class PipelineSettingsKey
{
    private const char Separator = '\u001f';

    public static string Of(PagerDutyLoggerOptions options)
    {
        var text = new StringBuilder(256);
        Append(text, options.RoutingKey);
        Append(text, options.Endpoint);
        Append(text, options.AllowInsecureHttp);
        Append(text, options.Source);
        Append(text, options.Group);
        Append(text, options.RateLimitPerMinute);
        Append(text, options.UpdateInterval);
        Append(text, options.RepeatInterval);
        Append(text, options.ResolveAfter);
        Append(text, options.QueueLimit);
        Append(text, options.StormThreshold);
        Append(text, options.StormWindow);
        Append(text, options.MaxTrackedKeys);
        Append(text, options.ShutdownTimeout);
        Append(text, options.DedupKeyPropertyName);
        Append(text, options.ActionPropertyName);
        Append(text, options.LinksPropertyName);
        Append(text, options.ImagesPropertyName);
        Append(text, options.GroupPropertyName);
        Append(text, options.ClientName);
        Append(text, options.ClientUrl);
        Append(text, options.SeverityMap.OrderBy(pair => pair.Key).Select(pair => pair.Key + "=" + pair.Value));
        Append(text, options.InAppInclude);
        Append(text, options.InAppExclude);
        Append(text, options.RedactedProperties);
        Append(text, options.ExcludedProperties);
        Append(text, options.Links.Select(link => link.Href + " " + link.Text));
        Append(text, options.Images.Select(image => image.Src + " " + image.Href + " " + image.Alt));
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value) =>
        text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append(Separator);

    private static void Append(StringBuilder text, IEnumerable<string> values)
    {
        text.Append('[');
        foreach (var value in values)
        {
            text.Append(value).Append(Separator);
        }

        text.Append(']').Append(Separator);
    }
}
