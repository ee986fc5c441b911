using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Configuration;
using Microsoft.Extensions.Options;
using PagerDutySinks.Extensions.Logging;

namespace Microsoft.Extensions.Logging;

/// <summary>Adds the PagerDuty provider to a logging builder.</summary>
public static class PagerDutyLoggerExtensions
{
    /// <summary>
    /// Adds the PagerDuty provider, configured from <c>Logging:PagerDuty</c>. Events at Error and above page unless
    /// <c>Logging:PagerDuty:LogLevel</c> says otherwise. The settings are validated when the host starts.
    /// </summary>
    /// <param name="builder">The logging builder.</param>
    /// <returns>The builder.</returns>
    public static ILoggingBuilder AddPagerDuty(this ILoggingBuilder builder)
    {
        Guard.NotNull(builder, nameof(builder));

        builder.AddConfiguration();
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, PagerDutyLoggerProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<LoggerFilterOptions>, DefaultPagerDutyFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PagerDutyLoggerOptions>, PagerDutyLoggerOptionsValidator>());
        LoggerProviderOptions.RegisterProviderOptions<PagerDutyLoggerOptions, PagerDutyLoggerProvider>(services);
        services.AddOptions<PagerDutyLoggerOptions>().ValidateOnStart();
        return builder;
    }

    /// <summary>Adds the PagerDuty provider, configured from <c>Logging:PagerDuty</c> and then by <paramref name="configure"/>.</summary>
    /// <param name="builder">The logging builder.</param>
    /// <param name="configure">Sets options in code; runs after configuration binding, on every reload.</param>
    /// <returns>The builder.</returns>
    public static ILoggingBuilder AddPagerDuty(this ILoggingBuilder builder, Action<PagerDutyLoggerOptions> configure)
    {
        Guard.NotNull(configure, nameof(configure));

        builder.AddPagerDuty();
        builder.Services.Configure(configure);
        return builder;
    }
}
