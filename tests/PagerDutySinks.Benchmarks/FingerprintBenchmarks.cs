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
    // alternative (hashing the exception's text). Every invocation gets an exception that nothing has looked at yet, as
    // in production (the runtime caches some of what is read from an exception on the exception itself). Two shapes:
    // thrown by a method that is never inlined (an async method or a throw helper: the throw site is the anchor), and
    // thrown with no such method anywhere on the stack (the whole stack is walked to find the anchor).
    [MemoryDiagnoser]
    [InvocationCount(Pool, 1)]
    public class FingerprintBenchmarks
    {
        private const int Pool = 8192;
        private const int Depth = 20;

        private readonly ExceptionFingerprinter _fingerprinter = new();
        private readonly Exception[] _exceptions = new Exception[Pool];
        private int _next;

        [Params("throw helper", "no barrier")]
        public string Shape { get; set; } = "throw helper";

        [GlobalSetup]
        public void Setup()
        {
            var sample = Capture();
            var frames = new StackTrace(sample, false).FrameCount;
            if (frames < Depth)
            {
                throw new InvalidOperationException($"Expected at least {Depth} frames, got {frames}.");
            }

            // Warm the per-method name cache, as a running application has.
            _ = _fingerprinter.Compute(sample).DedupKey;
        }

        [IterationSetup]
        public void FreshExceptions()
        {
            for (var i = 0; i < Pool; i++)
            {
                _exceptions[i] = Capture();
            }

            _next = 0;
        }

        [Benchmark(Baseline = true)]
        public int StackTraceOnly() => new StackTrace(Next(), false).FrameCount;

        // The floor of any frame-based fingerprint: the stack trace plus each frame's method.
        [Benchmark]
        public int StackTraceAndMethods()
        {
            var count = 0;
            foreach (var frame in new StackTrace(Next(), false).GetFrames())
            {
                count += frame.GetMethod() is null ? 0 : 1;
            }

            return count;
        }

        [Benchmark]
        public string Fingerprint() => _fingerprinter.Compute(Next()).DedupKey;

        [Benchmark]
        public byte[] Sha256OfToString() => SHA256.HashData(Encoding.UTF8.GetBytes(Next().ToString()));

        private Exception Next() => _exceptions[_next++ % Pool];

        private Exception Capture() => Shape == "no barrier" ? Deep.CapturePlain(Depth) : Deep.Capture(Depth);
    }
}

namespace Bench.Orders
{
    // Application-like code (outside the excluded PagerDutySinks namespace): two methods calling each other so the
    // frames are not collapsed as plain recursion. Even and Odd are never inlined, so the throw site is an anchor;
    // PlainEven and PlainOdd are ordinary methods (kept as frames by NoOptimization, which the fingerprint does not
    // treat as a barrier), so the fingerprint walks all of them.
    internal static class Deep
    {
        public static Exception Capture(int depth) => Catch(() => Even(depth));

        public static Exception CapturePlain(int depth) => Catch(() => PlainEven(depth));

        private static Exception Catch(Func<int> fail)
        {
            try
            {
                fail();
            }
            catch (Exception e)
            {
                return e;
            }

            throw new InvalidOperationException("Expected an exception.");
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoOptimization)]
        private static int PlainEven(int depth) => depth <= 0 ? throw new InvalidOperationException("Bottom") : PlainOdd(depth - 1) + 1;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoOptimization)]
        private static int PlainOdd(int depth) => depth <= 0 ? throw new InvalidOperationException("Bottom") : PlainEven(depth - 1) + 1;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static int Even(int depth) => depth <= 0 ? throw new InvalidOperationException("Bottom") : Odd(depth - 1) + 1;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static int Odd(int depth) => depth <= 0 ? throw new InvalidOperationException("Bottom") : Even(depth - 1) + 1;
    }
}
