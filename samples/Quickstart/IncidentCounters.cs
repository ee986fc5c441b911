using System;
using System.Diagnostics;
using System.Threading;

namespace Quickstart;

/// <summary>What the application did, counted on its side: log events written, those that qualify for paging.</summary>
internal sealed class IncidentCounters
{
    private long _written;
    private long _qualifying;

    public long Written => Interlocked.Read(ref _written);

    public long Qualifying => Interlocked.Read(ref _qualifying);

    public DateTimeOffset? FirstErrorAt { get; private set; }

    public void AddWritten(int count) => Interlocked.Add(ref _written, count);

    public void AddQualifying(int count)
    {
        Interlocked.Add(ref _qualifying, count);
        Interlocked.Add(ref _written, count);
    }

    public void MarkFirstError() => FirstErrorAt ??= DateTimeOffset.UtcNow;
}
