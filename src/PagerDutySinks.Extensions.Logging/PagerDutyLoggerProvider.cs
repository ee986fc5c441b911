using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>
/// A logging provider that turns log events passing its filter (Error and above unless <c>Logging:PagerDuty:LogLevel</c>
/// says otherwise) into PagerDuty alerts through an <see cref="AlertPipeline"/>. Settings reload without a restart:
/// a new routing key or endpoint starts a new pipeline while the old one delivers what it holds. Disposing the provider
/// (host shutdown) delivers pending alerts within <see cref="PagerDutyLoggingOptions.ShutdownTimeout"/>.
/// </summary>
[ProviderAlias("PagerDuty")]
public sealed class PagerDutyLoggerProvider : ILoggerProvider, ISupportExternalScope, IAsyncDisposable
{
    // The categories of the provider's own HTTP traffic and of this library: paging on them could loop.
    private static readonly string[] IgnoredCategoryPrefixes = new AlertPipelineOptions().IgnoredCategories.ToArray();

    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, PagerDutyLogger> _loggers = new(StringComparer.Ordinal);
    private readonly List<Task> _retiring = new();
    private readonly IDisposable? _changeRegistration;
    private volatile ActivePipeline? _current;

    // Kept after disposal so the final counters (what shutdown could not deliver) can still be read.
    private volatile ActivePipeline? _stopped;
    private volatile IExternalScopeProvider? _scopeProvider;
    private volatile Action<PagerDutyDiagnostic>? _onDiagnostic;
    private volatile bool _includeScopes = true;
    private bool _disposed;

    /// <summary>Creates the provider from monitored settings, following their reloads. Used by <c>AddPagerDuty()</c>.</summary>
    /// <param name="options">The settings. Invalid settings leave the provider inactive (and fail host start-up); they never throw here.</param>
    public PagerDutyLoggerProvider(IOptionsMonitor<PagerDutyLoggerOptions> options)
    {
        Guard.NotNull(options, nameof(options));

        PagerDutyLoggerOptions? initial = null;
        try
        {
            initial = options.CurrentValue;
        }
#pragma warning disable CA1031 // Invalid settings are reported by start-up validation; the logging factory must still build.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Configuration,
                "PagerDuty logging is off until its settings are fixed: " + ex.Message, exception: ex));
        }

        if (initial is not null)
        {
            Apply(initial);
        }

        _changeRegistration = options.OnChange(Apply);
    }

    /// <summary>Creates the provider from fixed settings, without dependency injection.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it and masks the routing key.</exception>
    public PagerDutyLoggerProvider(PagerDutyLoggerOptions options)
    {
        Guard.NotNull(options, nameof(options));

        var failures = PagerDutyLoggerOptionsValidator.Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", failures), nameof(options));
        }

        Apply(options);
    }

    internal ActivePipeline? Current => _current;

    internal IExternalScopeProvider? ScopeProvider => _scopeProvider;

    internal bool IncludeScopes => _includeScopes;

    /// <summary>
    /// The counters of the current pipeline (after disposal, its final counters), or <see langword="null"/> while the
    /// provider has no pipeline.
    /// </summary>
    public AlertPipelineStatistics? Statistics => (_current ?? _stopped)?.Pipeline.Statistics;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName ?? "", name => new PagerDutyLogger(name, this, IsIgnored(name)));

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopeProvider = scopeProvider;

    /// <summary>Delivers what the current pipeline holds, waiting at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The bound; <see cref="PagerDutyLoggingOptions.ShutdownTimeout"/> when <see langword="null"/>.</param>
    /// <returns>What was and was not delivered; completed when there is no pipeline.</returns>
    public Task<FlushResult> FlushAsync(TimeSpan? timeout = null) =>
        _current?.Pipeline.FlushAsync(timeout) ?? Task.FromResult(new FlushResult(completed: true));

    /// <summary>Delivers pending alerts within the shutdown timeout and stops.</summary>
    public void Dispose()
    {
        if (!TryBeginDispose(out var current, out var retiring))
        {
            return;
        }

        try
        {
            current?.Pipeline.Dispose();
        }
#pragma warning disable CA1031 // Shutdown continues whatever the pipeline does.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ReportShutdownFailure(ex);
        }

        if (retiring.Length > 0)
        {
            Task.WaitAll(retiring, RetireWaitBound(current));
        }
    }

    /// <summary>Delivers pending alerts within the shutdown timeout and stops.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!TryBeginDispose(out var current, out var retiring))
        {
            return;
        }

        try
        {
            if (current is not null)
            {
                await current.Pipeline.DisposeAsync().ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Shutdown continues whatever the pipeline does.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ReportShutdownFailure(ex);
        }

        if (retiring.Length > 0)
        {
            await Task.WhenAny(Task.WhenAll(retiring), Task.Delay(RetireWaitBound(current))).ConfigureAwait(false);
        }
    }

    internal void Report(PagerDutyDiagnostic diagnostic) => DiagnosticReporter.Report(diagnostic, _onDiagnostic);

    private static bool IsIgnored(string category)
    {
        foreach (var prefix in IgnoredCategoryPrefixes)
        {
            if (category.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Retiring pipelines flush concurrently with the current one; each is bounded by its own shutdown timeout.
    private static TimeSpan RetireWaitBound(ActivePipeline? current) =>
        (current?.ShutdownTimeout ?? new AlertPipelineOptions().ShutdownTimeout) + TimeSpan.FromSeconds(1);

    private void Apply(PagerDutyLoggerOptions options)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _onDiagnostic = options.OnDiagnostic;
            _includeScopes = options.IncludeScopes;
            var previous = _current;
            if (previous is not null && previous.Matches(options))
            {
                return;
            }

            AlertPipeline pipeline;
            try
            {
                pipeline = new AlertPipeline(options.ToPipelineOptions(Report));
            }
#pragma warning disable CA1031 // A bad reload keeps the running pipeline rather than breaking logging.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Configuration,
                    "The PagerDuty settings could not be applied; " + (previous is null ? "alerting is off" : "the previous settings stay in use")
                    + ": " + ex.Message, exception: ex));
                return;
            }

            _current = new ActivePipeline(pipeline, options);
            if (previous is not null)
            {
                Retire(previous.Pipeline);
            }
        }
    }

    // The replaced pipeline is disposed in the background: disposal flushes, so alerts it still holds are delivered.
    private void Retire(AlertPipeline pipeline)
    {
        var retirement = Task.Run(async () =>
        {
            try
            {
                await pipeline.DisposeAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Background disposal has no caller to throw to.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ReportShutdownFailure(ex);
            }
        });
        _retiring.Add(retirement);
        retirement.ContinueWith(
            done =>
            {
                lock (_gate)
                {
                    _retiring.Remove(done);
                }
            },
            TaskScheduler.Default);
    }

    private bool TryBeginDispose(out ActivePipeline? current, out Task[] retiring)
    {
        lock (_gate)
        {
            current = _current;
            retiring = _retiring.ToArray();
            if (_disposed)
            {
                return false;
            }

            _disposed = true;
            _stopped = current;
            _current = null;
        }

        _changeRegistration?.Dispose();
        return true;
    }

    private void ReportShutdownFailure(Exception ex) =>
        Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.NotDelivered,
            "The PagerDuty pipeline failed while stopping: " + ex.Message, exception: ex));
}
