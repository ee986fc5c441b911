using System;
using Microsoft.Extensions.Logging;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Extensions.Logging;

/// <summary>
/// A logger for one category. The logging filter rules have already decided the event pages when <see cref="Log"/> is
/// called; this only captures it into an <see cref="AlertCandidate"/> and hands it to the current pipeline.
/// </summary>
internal sealed class PagerDutyLogger : ILogger
{
    private readonly string _category;
    private readonly PagerDutyLoggerProvider _provider;
    private readonly bool _ignored;

    public PagerDutyLogger(string category, PagerDutyLoggerProvider provider, bool ignored)
    {
        _category = category;
        _provider = provider;
        _ignored = ignored;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _provider.ScopeProvider?.Push(state);

    // The level threshold lives in the filter rules applied before this is reached; only our own traffic is refused here.
    public bool IsEnabled(LogLevel logLevel) => !_ignored && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (_ignored || logLevel == LogLevel.None)
        {
            return;
        }

        var current = _provider.Current;
        if (current is null)
        {
            return;
        }

        try
        {
            current.Pipeline.Enqueue(Capture(logLevel, eventId, state, exception, formatter, current));
        }
#pragma warning disable CA1031 // Logging must never throw into the application.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // A state or scope that throws (e.g. from ToString) must not cost the alert: page with what is safe to read.
            var paged = TryEnqueueBare(logLevel, exception, current, ex);
            _provider.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Degraded,
                "An event from category '" + _category + "' could not be captured" + (paged ? " in full; it was sent without its properties: " : ": ") +
                SafeMessage(ex), exception: ex));
        }
    }

    private bool TryEnqueueBare(LogLevel logLevel, Exception? exception, ActivePipeline current, Exception failure)
    {
        try
        {
            return current.Pipeline.Enqueue(new AlertCandidate
            {
                Level = LogLevelMapping.ToAlertLevel(logLevel),
                Category = _category,
                Exception = exception,
                Timestamp = current.TimeProvider.GetUtcNow(),
                RenderedMessage = "[event could not be captured: " + failure.GetType().Name + "]",
            });
        }
#pragma warning disable CA1031 // Logging must never throw into the application.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static string TryToString(object? value)
    {
        try
        {
            return value?.ToString() ?? "";
        }
#pragma warning disable CA1031 // User objects may throw from ToString.
        catch (Exception)
#pragma warning restore CA1031
        {
            return "";
        }
    }

    private static string SafeMessage(Exception ex)
    {
        try
        {
            return ex.Message;
        }
#pragma warning disable CA1031 // The exception's own getters may throw.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ex.GetType().Name;
        }
    }

    private AlertCandidate Capture<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter, ActivePipeline current)
    {
        var collector = new LogPropertyCollector();
        collector.AddState(state);
        collector.AddEventId(eventId);
        if (_provider.IncludeScopes && _provider.ScopeProvider is { } scopes)
        {
            collector.AddScopes(scopes);
        }

        return new AlertCandidate
        {
            Level = LogLevelMapping.ToAlertLevel(logLevel),
            Category = _category,
            Exception = exception,
            Timestamp = current.TimeProvider.GetUtcNow(),
            MessageTemplate = collector.MessageTemplate,

            // Rendered now rather than on the consumer: the state may reference objects the caller mutates after
            // logging, and only events that passed the filter get this far.
            RenderedMessage = Render(state, exception, formatter),
            Properties = collector.ToProperties(),
        };
    }

    private static string Render<TState>(TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        string? message;
        try
        {
            message = formatter(state, exception);
        }
#pragma warning disable CA1031 // A broken formatter must not cost the alert.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // The state's own text may fail the same way (the usual formatted state renders through the same values).
            message = "[message could not be rendered: " + ex.GetType().Name + "] " + TryToString(state);
        }

        if (string.IsNullOrEmpty(message) && exception is not null)
        {
            message = exception.GetType().Name + ": " + exception.Message;
        }

        return message ?? "";
    }
}
