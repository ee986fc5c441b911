using System;
using System.CommandLine;
using System.Globalization;

namespace PagerDutySinks.Cli.Commands;

/// <summary>The options every sending command has: the connection URL and the retry budget.</summary>
internal sealed class ConnectionOptions
{
    /// <summary>A command-line tool should give up quickly; the library default (2 min) suits services.</summary>
    public const double DefaultTimeoutSeconds = 30;

    public const int DefaultRetries = 4;

    public Option<string> Url { get; } = new("--url", "-u")
    {
        Description = "Connection URL, pagerduty://[host[:port]]/integration-key[?query] (default: $" + CliContext.UrlVariable + ").",
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to keep retrying before giving up (each attempt is also bounded by it).",
        DefaultValueFactory = _ => DefaultTimeoutSeconds,
    };

    public Option<int> Retries { get; } = new("--retries")
    {
        Description = "Retries after the first attempt on throttling, 5xx answers and network errors.",
        DefaultValueFactory = _ => DefaultRetries,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Timeout);
        command.Options.Add(Retries);
    }

    /// <summary>The connection from <c>--url</c>, else <c>PAGERDUTY_URL</c>; remembers the key so it is redacted from all output.</summary>
    /// <exception cref="CliInputException">No URL, or an invalid one.</exception>
    public PagerDutyConnection ReadConnection(ParseResult parseResult, CliContext context)
    {
        var url = parseResult.GetValue(Url);
        var from = "--url";
        if (string.IsNullOrWhiteSpace(url))
        {
            url = context.GetEnvironmentVariable(CliContext.UrlVariable);
            from = CliContext.UrlVariable;
        }

        if (string.IsNullOrWhiteSpace(url))
        {
            throw new CliInputException("no connection URL: pass -u pagerduty://[host[:port]]/KEY or set " + CliContext.UrlVariable + ".");
        }

        if (!PagerDutyConnection.TryParse(url, out var connection, out var error))
        {
            throw new CliInputException(from + ": " + error);
        }

        context.RoutingKey = connection!.RoutingKey;
        return connection;
    }

    /// <exception cref="CliInputException">The timeout or retry count is out of range.</exception>
    public PagerDutyClientOptions ReadClientOptions(ParseResult parseResult, PagerDutyConnection connection)
    {
        var seconds = parseResult.GetValue(Timeout);
        if (double.IsNaN(seconds) || seconds <= 0 || seconds > 3600)
        {
            throw new CliInputException("--timeout: must be a number of seconds above 0 and at most 3600, not " +
                                        seconds.ToString(CultureInfo.InvariantCulture) + ".");
        }

        var retries = parseResult.GetValue(Retries);
        if (retries < 0 || retries > 100)
        {
            throw new CliInputException("--retries: must be from 0 to 100.");
        }

        var timeout = TimeSpan.FromSeconds(seconds);
        var options = connection.ToClientOptions();
        options.MaxRetryDuration = timeout;
        options.MaxRetryAttempts = retries;
        options.AttemptTimeout = timeout < options.AttemptTimeout ? timeout : options.AttemptTimeout;
        return options;
    }
}
