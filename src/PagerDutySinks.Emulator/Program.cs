using System;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

var url = "http://127.0.0.1:8080";
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--urls")
    {
        url = args[i + 1];
    }
}

await using var emulator = await PagerDutyEmulator.StartAsync(new EmulatorOptions { Url = url });
Console.WriteLine($"PagerDuty emulator listening on {emulator.BaseAddress} (Ctrl+C to stop)");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
await stop.Task;
