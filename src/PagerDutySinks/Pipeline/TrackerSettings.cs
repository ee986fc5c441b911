using System;

namespace PagerDutySinks.Pipeline;

/// <summary>The intervals and bounds the tracker works with, copied from the options once.</summary>
internal sealed class TrackerSettings
{
    public TimeSpan UpdateInterval { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan RepeatInterval { get; init; } = TimeSpan.FromHours(4);

    public TimeSpan? ResolveAfter { get; init; }

    public int StormThreshold { get; init; } = 10;

    public TimeSpan StormWindow { get; init; } = TimeSpan.FromMinutes(1);

    public int MaxTrackedKeys { get; init; } = 10_000;

    public string StormDedupKey { get; init; } = "v1|storm|";
}
