using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using PagerDutySinks.Benchmarks;
using PagerDutySinks.Benchmarks.Storm;

// `all` runs every benchmark (5 warm-up and 20 measured iterations; three launches for the sink comparisons), the storm and the chart in one go; `storm` runs the storm comparison;
// `storm-child` is one side of it in its own process; `chart` draws docs/benchmarks.svg from BenchmarkDotNet's CSV
// reports; anything else goes to BenchmarkDotNet.
static int Int(string[] a, int i, int fallback) => a.Length > i ? int.Parse(a[i], CultureInfo.InvariantCulture) : fallback;

// A 2-core machine busy with the benchmark's own build can take longer than BenchmarkDotNet's default build timeout.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));

switch (args.Length > 0 ? args[0] : "")
{
    case "all":
        var switcher = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkChart).Assembly);
        switcher.Run(["--filter", "*Pipeline*", "*Fingerprint*", "--launchCount", "1", "--warmupCount", "5", "--iterationCount", "20", .. args.Skip(1)], config);

        // A sink-against-sink ratio moves with how the machine schedules each process's background threads; three
        // processes per side average that out.
        switcher.Run(["--filter", "*SerilogSink*", "*MelProvider*", "--launchCount", "3", "--warmupCount", "5", "--iterationCount", "20", .. args.Skip(1)], config);
        var storm = await StormCommand.RunAsync(1_000_000, 2, 120);
        return BenchmarkChart.Write("BenchmarkDotNet.Artifacts/results", "docs/benchmarks.svg") | storm;
    case "storm":
        return await StormCommand.RunAsync(Int(args, 1, 1_000_000), Int(args, 2, 2), Int(args, 3, 120));
    case "storm-child":
        return StormChild.Run(args[1], Int(args, 2, 0), Int(args, 3, 2), args[4], args[5], Int(args, 6, 120));
    case "chart":
        return BenchmarkChart.Write(args.Length > 1 ? args[1] : "BenchmarkDotNet.Artifacts/results", args.Length > 2 ? args[2] : "docs/benchmarks.svg");
    default:
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkChart).Assembly).Run(args, config);
        return 0;
}
