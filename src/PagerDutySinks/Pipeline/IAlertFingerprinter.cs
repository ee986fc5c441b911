using System;

namespace PagerDutySinks.Pipeline;

/// <summary>A dedup key plus the readable text it came from.</summary>
internal readonly struct AlertIdentity
{
    public AlertIdentity(string dedupKey, string? signature)
    {
        DedupKey = dedupKey;
        Signature = signature;
    }

    public string DedupKey { get; }

    public string? Signature { get; }
}

/// <summary>Derives dedup keys for candidates that carry no explicit one.</summary>
internal interface IAlertFingerprinter
{
    /// <summary>The identity of the bug behind <paramref name="exception"/>.</summary>
    AlertIdentity ForException(Exception exception);

    /// <summary>The identity of a log statement: its template and category, never its rendered values.</summary>
    AlertIdentity ForTemplate(string? messageTemplate, string? category);
}
