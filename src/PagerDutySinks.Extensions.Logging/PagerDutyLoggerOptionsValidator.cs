using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>
/// Checks the provider settings at start-up (and on every reload) with the core's own rules, naming the setting by its
/// configuration path and never showing the routing key whole.
/// </summary>
internal sealed class PagerDutyLoggerOptionsValidator : IValidateOptions<PagerDutyLoggerOptions>
{
    private const string Section = PagerDutyLoggerOptions.SectionPath;

    public ValidateOptionsResult Validate(string? name, PagerDutyLoggerOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems found, each naming its setting; empty when the settings are usable.</summary>
    public static List<string> Check(PagerDutyLoggerOptions options)
    {
        var failures = new List<string>();
        if (!RoutingKeySetting.IsValid(options.RoutingKey, out var problem))
        {
            failures.Add($"{Section}:RoutingKey is invalid: {problem}");
        }

        if (options.SeverityMap.ContainsKey(LogLevel.None))
        {
            failures.Add($"{Section}:SeverityMap cannot map LogLevel None: events at that level are never logged.");
        }

        try
        {
            var pipelineOptions = options.ToPipelineOptions(diagnostics: null);
            if (failures.Count == 0)
            {
                // The core's checks name settings by their pipeline names, which are the same as ours.
                pipelineOptions.Validate();
            }
        }
        catch (ArgumentException ex)
        {
            failures.Add(Describe(ex));
        }

        return failures;
    }

    // The message without the " (Parameter '...')" suffix, named by its configuration path when the core named it otherwise.
    private static string Describe(ArgumentException ex)
    {
        var message = ex.Message;
        if (ex.ParamName is { Length: > 0 } parameter)
        {
            var suffix = " (Parameter '" + parameter + "')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message.Substring(0, message.Length - suffix.Length);
            }
        }

#if NET
        var named = message.Contains(Section, StringComparison.Ordinal);
#else
        var named = message.IndexOf(Section, StringComparison.Ordinal) >= 0;
#endif
        return named ? message : Section + ": " + message;
    }
}
