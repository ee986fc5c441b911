using BenchmarkDotNet.Running;
using PagerDutySinks.Benchmarks;

// typeof(Program) would be ambiguous: the emulator library exposes its own Program type.
BenchmarkSwitcher.FromAssembly(typeof(FingerprintBenchmarks).Assembly).Run(args);
