using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PagerDutySinks.Emulator;

/// <summary>How the emulator dealt with a request.</summary>
public enum ReceivedOutcome
{
    /// <summary>Valid and processed (202).</summary>
    Accepted,

    /// <summary>Invalid (400).</summary>
    Rejected,

    /// <summary>Over the routing key's rate limit (429).</summary>
    Throttled,

    /// <summary>Answered by an injected failure (<see cref="EmulatorFaults.FailNext"/>) without processing.</summary>
    InjectedFailure,

    /// <summary>Connection dropped by an injected fault (<see cref="EmulatorFaults.DropNext"/>); status 0.</summary>
    Dropped,

    /// <summary>The client gave up before the emulator answered (e.g. during injected latency); status 0.</summary>
    Aborted,
}

/// <summary>A request the emulator received, and how it answered.</summary>
public sealed class ReceivedEvent
{
    /// <summary>When it arrived (emulator clock).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary><c>/v2/enqueue</c> or <c>/v2/change/enqueue</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The HTTP status answered; 0 when no answer was sent (dropped or aborted).</summary>
    public int StatusCode { get; init; }

    /// <summary>How the request was dealt with.</summary>
    public ReceivedOutcome Outcome { get; init; }

    /// <summary>The routing key, if one could be read.</summary>
    public string? RoutingKey { get; init; }

    /// <summary>The event action (alert events), if one could be read.</summary>
    public string? EventAction { get; init; }

    /// <summary>The dedup key answered (accepted alert events) or sent.</summary>
    public string? DedupKey { get; init; }

    /// <summary>The request body as JSON, when it parsed.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>The body size in bytes.</summary>
    public int BodyBytes { get; init; }

    /// <summary>The validation errors, for 400 answers.</summary>
    public IReadOnlyList<string> Errors { get; init; } = Array.Empty<string>();

    /// <summary>Whether it was sent to the change events endpoint.</summary>
    public bool IsChangeEvent => Path.EndsWith("/change/enqueue", StringComparison.Ordinal);
}
