using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Threading;

namespace PagerDutySinks.Fingerprinting;

/// <summary>
/// Computes a stable fingerprint of an exception from its type chain and the method where each exception was thrown,
/// so the same bug gets the same <c>dedup_key</c> across processes, builds and JIT modes. Thread-safe; never throws
/// for a non-null exception. See <c>docs/fingerprints.md</c> for the rules.
/// </summary>
public sealed class ExceptionFingerprinter
{
    // Normalized names are cached per method; the bound keeps a process that compiles code at run time from growing
    // the cache forever (it is simply rebuilt).
    private const int MaxCachedMethods = 8192;
    private const int MaxSignatureFrames = 20;

    private readonly InAppFilter _filter;
    private readonly int _fallbackFrameCount;
    private readonly ConcurrentDictionary<MethodBase, FrameInfo> _frames = new(ReferenceComparer<MethodBase>.Instance);
    private int _cachedMethods;

    /// <summary>Creates a fingerprinter with the default options.</summary>
    public ExceptionFingerprinter()
        : this(new FingerprintOptions())
    {
    }

    /// <summary>Creates a fingerprinter.</summary>
    /// <param name="options">The in-app rules.</param>
    public ExceptionFingerprinter(FingerprintOptions options)
    {
#if NET8_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(options);
#else
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
#endif

        _filter = new InAppFilter(options.InAppInclude, options.InAppExclude);
        _fallbackFrameCount = Math.Max(1, options.FallbackFrameCount);
    }

    /// <summary>Creates a fingerprinter from in-app include and exclude prefixes.</summary>
    /// <param name="inAppInclude">Type-name prefixes of the application's own frames (may be empty).</param>
    /// <param name="inAppExclude">Type-name prefixes of framework frames.</param>
    public ExceptionFingerprinter(IEnumerable<string> inAppInclude, IEnumerable<string> inAppExclude)
    {
#if NET8_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(inAppInclude);
        ArgumentNullException.ThrowIfNull(inAppExclude);
#else
        if (inAppInclude is null)
        {
            throw new ArgumentNullException(nameof(inAppInclude));
        }

        if (inAppExclude is null)
        {
            throw new ArgumentNullException(nameof(inAppExclude));
        }
#endif

        _filter = new InAppFilter(inAppInclude, inAppExclude);
        _fallbackFrameCount = new FingerprintOptions().FallbackFrameCount;
    }

    /// <summary>Computes the fingerprint of <paramref name="exception"/>.</summary>
    /// <param name="exception">The exception; its stack trace is read, never its message.</param>
    /// <returns>The fingerprint; one built from the type name alone when the stack cannot be read.</returns>
    public Fingerprint Compute(Exception exception)
    {
#if NET8_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(exception);
#else
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }
#endif

        try
        {
            return ComputeCore(exception);
        }
        catch (Exception)
        {
            // A hostile exception or a runtime without stack metadata must not break logging.
            return TypeOnly(exception);
        }
    }

    private Fingerprint ComputeCore(Exception exception)
    {
        var chain = ExceptionChain.Flatten(exception);
        var canonical = new StringBuilder(128).Append(DedupKeyText.Version).Append('\n');
        var lines = new List<string>(chain.Count);
        var described = new List<DescribedException>(chain.Count);
        string? topFrame = null;

        foreach (var link in chain)
        {
            var typeName = MethodNames.TypeName(link.Exception.GetType());
            var frames = ReadFrames(link.Exception);
            string? anchor = null;
            if (!link.IsCause)
            {
                anchor = Anchor(frames, out var inAppAnchor);
                topFrame ??= inAppAnchor ? anchor : null;
            }

            // The same failure reported by many AggregateException children counts once.
            var line = anchor is null ? typeName : typeName + " @ " + anchor;
            if (lines.Contains(line))
            {
                continue;
            }

            lines.Add(line);
            canonical.Append(line).Append('\n');
            described.Add(new DescribedException(typeName, frames));
        }

        var primary = chain[0].Exception.GetType();
        var hash = FingerprintHash.ToHex(canonical.ToString());
        var shortType = MethodNames.ShortTypeName(primary);
        return new Fingerprint(
            DedupKeyText.ForException(shortType, topFrame, hash),
            () => BuildSignature(described),
            shortType,
            topFrame);
    }

    // Where the exception was thrown, as precisely as the JIT allows. The top in-app frame is exact in Debug and Tier-0
    // code, but Tier-1 code may have inlined it (and its callers) into a caller, which would split one bug into
    // several keys. So the anchor is the nearest in-app frame that is never inlined (an async method, an iterator, a
    // NoInlining or throw-helper method) and only without one the top in-app frame. Lambdas and local functions fold
    // into their owner method. Without in-app frames, the top framework frames stand in.
    private string? Anchor(List<FrameInfo> frames, out bool inApp)
    {
        inApp = false;
        FrameInfo? top = null;
        foreach (var frame in frames)
        {
            if (!frame.IsInApp)
            {
                continue;
            }

            top ??= frame;
            if (frame.IsInliningBarrier)
            {
                inApp = true;
                return frame.Anchor;
            }
        }

        if (top is not null)
        {
            inApp = true;
            return top.Anchor;
        }

        if (frames.Count == 0)
        {
            return null;
        }

        var fallback = new StringBuilder();
        for (var i = 0; i < frames.Count && i < _fallbackFrameCount; i++)
        {
            fallback.Append(i == 0 ? "" : " < ").Append(frames[i].Anchor);
        }

        return fallback.ToString();
    }

    private static string BuildSignature(List<DescribedException> exceptions)
    {
        var signature = new StringBuilder(1024);
        foreach (var exception in exceptions)
        {
            AppendSignature(signature, exception.TypeName, exception.Frames);
        }

        return signature.ToString(0, Math.Max(0, signature.Length - 1));
    }

    private static void AppendSignature(StringBuilder signature, string typeName, List<FrameInfo> frames)
    {
        signature.Append(typeName).Append('\n');
        var anyInApp = frames.Exists(f => f.IsInApp);
        var written = 0;
        string? previous = null;
        foreach (var frame in frames)
        {
            if ((anyInApp && !frame.IsInApp) || frame.Name == previous)
            {
                continue;
            }

            if (++written > MaxSignatureFrames)
            {
                signature.Append("   at ...\n");
                break;
            }

            signature.Append("   at ").Append(frame.Name).Append('\n');
            previous = frame.Name;
        }
    }

    // Frames from throw site outwards, consecutive repeats (recursion) collapsed. Frames without a method (some
    // runtimes, trimmed metadata) are skipped.
#if NET8_0_OR_GREATER
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage(
        "Trimming",
        "IL2026:RequiresUnreferencedCode",
        Justification = "Frames whose method metadata was trimmed come back without a method and are skipped.")]
#endif
    private List<FrameInfo> ReadFrames(Exception exception)
    {
        var result = new List<FrameInfo>();
        var frames = new StackTrace(exception, false).GetFrames();
        if (frames is null)
        {
            return result;
        }

        FrameInfo? previous = null;
        foreach (var frame in frames)
        {
            var method = frame?.GetMethod();
            if (method is null)
            {
                continue;
            }

            var info = Describe(method);
            if (previous is not null && previous.Name == info.Name)
            {
                continue;
            }

            result.Add(info);
            previous = info;
        }

        return result;
    }

    private FrameInfo Describe(MethodBase method)
    {
        if (_frames.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var info = MethodNames.Describe(method, _filter);
        if (Interlocked.Increment(ref _cachedMethods) > MaxCachedMethods)
        {
            _frames.Clear();
            Interlocked.Exchange(ref _cachedMethods, 0);
        }

        _frames.TryAdd(method, info);
        return info;
    }

    private static Fingerprint TypeOnly(Exception exception)
    {
        var type = exception.GetType();
        string typeName;
        try
        {
            typeName = MethodNames.TypeName(type);
        }
        catch (Exception)
        {
            typeName = type.Name;
        }

        var shortType = CompilerGeneratedNames.StripArity(type.Name);
        var hash = FingerprintHash.ToHex(DedupKeyText.Version + "\n" + typeName + "\n");
        return new Fingerprint(DedupKeyText.ForException(shortType, null, hash), typeName, shortType, null);
    }

    private sealed record DescribedException(string TypeName, List<FrameInfo> Frames);
}
