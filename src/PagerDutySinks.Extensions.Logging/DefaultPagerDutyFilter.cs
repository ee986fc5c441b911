using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>
/// Makes Error the provider's default level. The rule is put first: among rules equally specific for a provider and
/// category, the logging factory takes the last one, so any <c>Logging:PagerDuty:LogLevel</c> setting (or a later
/// <c>AddFilter</c>) overrides this default, while the provider-less <c>Logging:LogLevel</c> never lowers it.
/// </summary>
internal sealed class DefaultPagerDutyFilter : IConfigureOptions<LoggerFilterOptions>
{
    public const LogLevel DefaultLevel = LogLevel.Error;

    public void Configure(LoggerFilterOptions options) =>
        options.Rules.Insert(0, new LoggerFilterRule(typeof(PagerDutyLoggerProvider).FullName, null, DefaultLevel, null));
}
