using System;
using PagerDutySinks.Emulator;

namespace Quickstart;

/// <summary>Shows the phase and a live line of what the application logged and what reached PagerDuty.</summary>
internal sealed class ProgressLine(IncidentCounters counters, PagerDutyEmulator? emulator)
{
    private readonly object _gate = new();
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly bool _interactive = !Console.IsOutputRedirected;

    public void Phase(string name)
    {
        lock (_gate)
        {
            ClearLine();
            Console.WriteLine($"[{(DateTimeOffset.UtcNow - _start).TotalSeconds,5:F1} s] {name}");
        }
    }

    public void Refresh()
    {
        if (!_interactive)
        {
            return;
        }

        lock (_gate)
        {
            var sent = emulator is null ? "" : $", requests to PagerDuty {emulator.ReceivedCount:N0}, alerts {emulator.Alerts.Count}";
            Console.Write($"\r         logged {counters.Written:N0}, errors {counters.Qualifying:N0}{sent}   ");
        }
    }

    public void Done()
    {
        lock (_gate)
        {
            ClearLine();
        }
    }

    private void ClearLine()
    {
        if (_interactive)
        {
            Console.Write("\r" + new string(' ', Math.Max(0, Console.WindowWidth - 1)) + "\r");
        }
    }
}
