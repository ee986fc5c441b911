using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Pipeline;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace PagerDutySinks.Serilog;

/// <summary>
/// A Serilog sink that turns events into PagerDuty alerts through the core <see cref="AlertPipeline"/>: emitting only
/// buffers the event; grouping, rate limiting and delivery happen in the background. Problems are reported to
/// <see cref="SelfLog"/> and to the failure listener (<c>WriteTo.Fallible(...)</c>, <c>WriteTo.FallbackChain(...)</c>).
/// Disposing it (e.g. <c>Log.CloseAndFlush()</c>) delivers what is pending within the shutdown timeout.
/// </summary>
public sealed class PagerDutySink : ILogEventSink, IDisposable, IAsyncDisposable, ISetLoggingFailureListener
{
    private readonly AlertPipeline _pipeline;
    private readonly LogEventLevel _minimumLevel;
    private readonly LoggingLevelSwitch? _levelSwitch;
    private readonly string[] _ignoredSourceContexts;
    private readonly LogEventCandidateFactory _candidates;
    private ILoggingFailureListener? _failureListener;
    private volatile bool _closing;

    /// <summary>Creates a sink and starts its pipeline.</summary>
    /// <param name="options">The settings; <see cref="PagerDutyLoggingOptions.RoutingKey"/> is required.</param>
    /// <param name="restrictedToMinimumLevel">The lowest level that pages (default <see cref="LogEventLevel.Error"/>); ignored when <paramref name="levelSwitch"/> is given.</param>
    /// <param name="levelSwitch">A switch that sets the lowest level that pages, changeable at run time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it, with the routing key masked.</exception>
    public PagerDutySink(PagerDutySinkOptions options, LogEventLevel restrictedToMinimumLevel = LogEventLevel.Error, LoggingLevelSwitch? levelSwitch = null)
    {
        Guard.NotNull(options, nameof(options));
        _minimumLevel = restrictedToMinimumLevel;
        _levelSwitch = levelSwitch;
        _ignoredSourceContexts = new List<string>(options.IgnoredSourceContexts).ToArray();
        _candidates = new LogEventCandidateFactory(options.RedactedProperties);

        // With a switch the level can drop at run time, so the pipeline must not filter on its own.
        var pipelineMinimum = levelSwitch == null ? LevelMapping.ToAlertLevel(restrictedToMinimumLevel) : AlertLevel.Verbose;
        _pipeline = new AlertPipeline(options.ToPipelineOptions(pipelineMinimum, OnDiagnostic));
    }

    /// <summary>A snapshot of the pipeline's counters: enqueued, sent, coalesced, dropped, rejected, failed, pending.</summary>
    public AlertPipelineStatistics Statistics => _pipeline.Statistics;

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        // The level check comes first: filtered events cost a comparison and nothing else.
        if (logEvent == null || logEvent.Level < (_levelSwitch?.MinimumLevel ?? _minimumLevel))
        {
            return;
        }

        try
        {
            var sourceContext = LogEventCandidateFactory.SourceContextOf(logEvent);
            if (sourceContext != null && IsIgnored(sourceContext))
            {
                return;
            }

            if (!_pipeline.Enqueue(_candidates.Create(logEvent, sourceContext)))
            {
                // The sink and the pipeline filter alike, so a refusal here means the buffer was full or the sink closed.
                ReportToListener(LoggingFailureKind.Permanent, "The PagerDuty sink dropped an event: its buffer is full or it is closed.", logEvent, null);
            }
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("PagerDuty sink could not accept an event: {0}", ex);
            ReportToListener(LoggingFailureKind.Permanent, "The PagerDuty sink could not accept an event.", logEvent, ex);
        }
    }

    /// <summary>Delivers everything pending, waiting at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The bound; the shutdown timeout when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>What was and was not delivered.</returns>
    public Task<FlushResult> FlushAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _pipeline.FlushAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void SetFailureListener(ILoggingFailureListener failureListener)
    {
        _failureListener = Guard.NotNull(failureListener, nameof(failureListener));
    }

    /// <summary>Delivers what is pending within the shutdown timeout, then stops.</summary>
    public void Dispose()
    {
        _closing = true;
        _pipeline.Dispose();
    }

    /// <summary>Delivers what is pending within the shutdown timeout, then stops.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public ValueTask DisposeAsync()
    {
        _closing = true;
        return _pipeline.DisposeAsync();
    }

    private bool IsIgnored(string sourceContext)
    {
        foreach (var prefix in _ignoredSourceContexts)
        {
            if (sourceContext.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void OnDiagnostic(PagerDutyDiagnostic diagnostic)
    {
        if (diagnostic.Exception == null)
        {
            SelfLog.WriteLine("{0}", diagnostic);
        }
        else
        {
            SelfLog.WriteLine("{0} ({1})", diagnostic, diagnostic.Exception);
        }

        // Drops are reported to the listener per event from Emit, where the event itself is still at hand.
        if (diagnostic.Kind != PagerDutyDiagnosticKind.Dropped)
        {
            ReportToListener(FailureKindOf(diagnostic.Kind), diagnostic.ToString(), null, diagnostic.Exception);
        }
    }

    private LoggingFailureKind FailureKindOf(PagerDutyDiagnosticKind kind) => kind switch
    {
        // Still pending after a flush is retried later, unless the sink is going away.
        PagerDutyDiagnosticKind.NotDelivered => _closing ? LoggingFailureKind.Final : LoggingFailureKind.Temporary,

        // The alert was sent, only with less than it could have carried: nothing to fall back for.
        PagerDutyDiagnosticKind.Degraded => LoggingFailureKind.Temporary,
        _ => LoggingFailureKind.Permanent,
    };

    private void ReportToListener(LoggingFailureKind kind, string message, LogEvent? logEvent, Exception? exception)
    {
        var listener = _failureListener;

        // SelfLog already has every diagnostic; its own listener would only repeat it.
        if (listener == null || ReferenceEquals(listener, SelfLog.FailureListener))
        {
            return;
        }

        try
        {
            // Allocated only when someone listens: a full buffer must stay cheap on the logging thread.
            listener.OnLoggingFailed(this, kind, message, logEvent is null ? null : new[] { logEvent }, exception);
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("PagerDuty sink's failure listener threw: {0}", ex);
        }
    }
}
