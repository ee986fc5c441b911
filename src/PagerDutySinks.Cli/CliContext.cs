using System;
using System.IO;

namespace PagerDutySinks.Cli;

/// <summary>What a command talks to: its output streams and environment, replaceable so tests run the CLI in-process.</summary>
internal sealed class CliContext
{
    /// <summary>The environment variable read when <c>--url</c> is absent.</summary>
    public const string UrlVariable = "PAGERDUTY_URL";

    public CliContext(TextWriter stdout, TextWriter stderr, Func<string, string?> getEnvironmentVariable)
    {
        Stdout = stdout;
        Stderr = stderr;
        GetEnvironmentVariable = getEnvironmentVariable;
    }

    public TextWriter Stdout { get; }

    public TextWriter Stderr { get; }

    public Func<string, string?> GetEnvironmentVariable { get; }

    /// <summary>Set once the routing key is known, so nothing printed afterwards can contain it whole.</summary>
    public string? RoutingKey { get; set; }

    public void Error(string message) => Stderr.WriteLine("error: " + Redact(message));

    public string Redact(string text) =>
        string.IsNullOrEmpty(RoutingKey) ? text : text.Replace(RoutingKey, PagerDutySinks.RoutingKey.Mask(RoutingKey), StringComparison.Ordinal);
}
