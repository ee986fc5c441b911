using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Threading;

namespace PagerDutySinks.Fingerprinting;

// Reads an exception's frames as normalized names, each method described once and cached.
internal sealed class FrameReader
{
    // The bound keeps a process that compiles code at run time from growing the cache forever (it is simply rebuilt).
    private const int MaxCachedMethods = 8192;

    private readonly InAppFilter _filter;
    private readonly int _fallbackFrameCount;
    private readonly ConcurrentDictionary<MethodBase, FrameInfo> _frames = new(ReferenceComparer<MethodBase>.Instance);
    private readonly bool _useThrowSiteShortcut;
    private int _cachedMethods;

    // Tests turn the shortcut off to prove that walking the whole stack picks the same anchor.
    public FrameReader(InAppFilter filter, int fallbackFrameCount, bool useThrowSiteShortcut = true)
    {
        _filter = filter;
        _fallbackFrameCount = fallbackFrameCount;
        _useThrowSiteShortcut = useThrowSiteShortcut;
    }

    // Where the exception was thrown, as precisely as the JIT allows. The top in-app frame is exact in Debug and Tier-0
    // code, but Tier-1 code may have inlined it (and its callers) into a caller, which would split one bug into
    // several keys. So the anchor is the nearest in-app frame that is never inlined (an async method, an iterator, a
    // NoInlining or throw-helper method) and only without one the top in-app frame. Lambdas and local functions fold
    // into their owner method. Without in-app frames, the top framework frames stand in.
    public string? FindAnchor(Exception exception, out bool inApp)
    {
        // The throw site is the first frame. When it is itself an in-app barrier (an async method or a throw helper
        // throwing), it is the anchor, and the runtime gives it without building the whole stack trace.
        if (_useThrowSiteShortcut && ThrowSite(exception) is { } site && Describe(site) is { IsInApp: true, IsInliningBarrier: true } top)
        {
            inApp = true;
            return top.Anchor;
        }

        return WalkToAnchor(exception, out inApp);
    }

    // Frames from throw site outwards, consecutive repeats (recursion) collapsed. Frames without a method (some
    // runtimes, trimmed metadata) are skipped.
    public List<FrameInfo> Read(Exception exception)
    {
        var result = new List<FrameInfo>();
        var frames = StackFrames(exception);
        var index = 0;
        while (NextFrame(frames, ref index, result.Count == 0 ? null : result[result.Count - 1]) is { } info)
        {
            result.Add(info);
        }

        return result;
    }

    private string? WalkToAnchor(Exception exception, out bool inApp)
    {
        inApp = false;
        FrameInfo? topInApp = null;
        List<FrameInfo>? fallback = null;
        var frames = StackFrames(exception);
        var index = 0;
        FrameInfo? previous = null;
        while (NextFrame(frames, ref index, previous) is { } frame)
        {
            previous = frame;
            if (frame.IsInApp)
            {
                topInApp ??= frame;
                if (frame.IsInliningBarrier)
                {
                    inApp = true;
                    return frame.Anchor;
                }
            }
            else if (topInApp is null && (fallback ??= new List<FrameInfo>(_fallbackFrameCount)).Count < _fallbackFrameCount)
            {
                fallback.Add(frame);
            }
        }

        if (topInApp is not null)
        {
            inApp = true;
            return topInApp.Anchor;
        }

        if (fallback is null)
        {
            return null;
        }

        var text = new StringBuilder();
        for (var i = 0; i < fallback.Count; i++)
        {
            text.Append(i == 0 ? "" : " < ").Append(fallback[i].Anchor);
        }

        return text.ToString();
    }

    private static StackFrame[] StackFrames(Exception exception) => new StackTrace(exception, false).GetFrames() ?? Array.Empty<StackFrame>();

    // The next frame from index on, skipping frames without a method (some runtimes, trimmed metadata) and
    // consecutive repeats of the previous one (recursion); null at the end.
#if NET8_0_OR_GREATER
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage(
        "Trimming",
        "IL2026:RequiresUnreferencedCode",
        Justification = "Frames whose method metadata was trimmed come back without a method and are skipped.")]
#endif
    private FrameInfo? NextFrame(StackFrame[] frames, ref int index, FrameInfo? previous)
    {
        while (index < frames.Length)
        {
            var method = frames[index++]?.GetMethod();
            if (method is null)
            {
                continue;
            }

            var info = Describe(method);
            if (previous is null || !string.Equals(previous.Name, info.Name, StringComparison.Ordinal))
            {
                return info;
            }
        }

        return null;
    }

#if NET8_0_OR_GREATER
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage(
        "Trimming",
        "IL2026:RequiresUnreferencedCode",
        Justification = "A throw site whose metadata was trimmed comes back null and the whole stack is walked instead.")]
#endif
    private static MethodBase? ThrowSite(Exception exception) => exception.TargetSite;

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
}
