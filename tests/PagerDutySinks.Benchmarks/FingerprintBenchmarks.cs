using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Bench.Orders;
using PagerDutySinks.Fingerprinting;

namespace PagerDutySinks.Benchmarks
{
    // Fingerprinting a 20-frame exception against its floor (reading the stack trace) and against the naive
    // alternative (hashing the exception's text).
    [MemoryDiagnoser]
    public class FingerprintBenchmarks
    {
        private readonly ExceptionFingerprinter _fingerprinter = new();
        private Exception _exception = null!;

        [GlobalSetup]
        public void Setup()
        {
            _exception = Deep.Capture(20);
            var frames = new StackTrace(_exception, false).FrameCount;
            if (frames < 20)
            {
                throw new InvalidOperationException($"Expected at least 20 frames, got {frames}.");
            }
        }

        [Benchmark(Baseline = true)]
        public int StackTraceOnly() => new StackTrace(_exception, false).FrameCount;

        // The floor of any frame-based fingerprint: the stack trace plus each frame's method.
        [Benchmark]
        public int StackTraceAndMethods()
        {
            var count = 0;
            foreach (var frame in new StackTrace(_exception, false).GetFrames())
            {
                count += frame.GetMethod() is null ? 0 : 1;
            }

            return count;
        }

        [Benchmark]
        public string Fingerprint() => _fingerprinter.Compute(_exception).DedupKey;

        [Benchmark]
        public byte[] Sha256OfToString() => SHA256.HashData(Encoding.UTF8.GetBytes(_exception.ToString()));
    }
}

namespace Bench.Orders
{
    // Application-like code (outside the excluded PagerDutySinks namespace): two methods calling each other so the
    // frames are not collapsed as plain recursion.
    internal static class Deep
    {
        public static Exception Capture(int depth)
        {
            try
            {
                Even(depth);
            }
            catch (Exception e)
            {
                return e;
            }

            throw new InvalidOperationException("Expected an exception.");
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static int Even(int depth) => depth <= 0 ? throw new InvalidOperationException("Bottom") : Odd(depth - 1) + 1;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static int Odd(int depth) => depth <= 0 ? throw new InvalidOperationException("Bottom") : Even(depth - 1) + 1;
    }
}
