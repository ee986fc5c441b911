using System.Collections.Generic;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>Maps log levels to PagerDuty severities: the defaults, overridden per level by the options.</summary>
internal static class SeverityMapping
{
    public static Severity Default(AlertLevel level) => level switch
    {
        AlertLevel.Fatal => Severity.Critical,
        AlertLevel.Error => Severity.Error,
        AlertLevel.Warning => Severity.Warning,
        _ => Severity.Info,
    };

    /// <summary>The severity of each level, indexed by the level's value.</summary>
    public static Severity[] Build(IDictionary<AlertLevel, Severity>? overrides)
    {
        var map = new Severity[(int)AlertLevel.Fatal + 1];
        for (var level = AlertLevel.Verbose; level <= AlertLevel.Fatal; level++)
        {
            map[(int)level] = overrides is not null && overrides.TryGetValue(level, out var severity) ? severity : Default(level);
        }

        return map;
    }
}
