using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

// dotnet run --project src/PagerDutySinks.Emulator -- --urls http://127.0.0.1:8080 --rate-limit 120
var options = new EmulatorOptions { Url = "http://127.0.0.1:8080" };
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--urls" when value is not null:
            options.Url = value;
            i++;
            break;
        case "--rate-limit" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit):
            options.RateLimitPerMinute = limit;
            i++;
            break;
        case "-h" or "--help":
            Console.WriteLine("Usage: PagerDutySinks.Emulator [--urls http://127.0.0.1:8080] [--rate-limit 120 (0 = off)]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown or incomplete option '{args[i]}'. Use --help.");
            return 2;
    }
}

await using var emulator = await PagerDutyEmulator.StartAsync(options);
Console.WriteLine($"PagerDuty emulator listening on {emulator.BaseAddress} (rate limit {(options.RateLimitPerMinute == 0 ? "off" : options.RateLimitPerMinute + "/min per routing key")}).");
Console.WriteLine($"Send events to {emulator.EnqueueUri} and {emulator.ChangeEnqueueUri}; see them at {emulator.BaseAddress}. Ctrl+C stops.");
var stop = new TaskCompletionSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await stop.Task;
Console.WriteLine("Stopping.");
return 0;
