using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Serilog.Debugging;

namespace PagerDutySinks.Serilog.Tests.Support;

/// <summary>Collects SelfLog output while alive; SelfLog is process-wide, so only tests in <see cref="EmulatorTests"/> use it.</summary>
public sealed class SelfLogCapture : IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();

    public SelfLogCapture() => SelfLog.Enable(line => _lines.Enqueue(line));

    public IReadOnlyList<string> Lines => _lines.ToList();

    public void Dispose() => SelfLog.Disable();
}
