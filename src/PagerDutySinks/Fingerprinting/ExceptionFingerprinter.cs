using System;
using System.Collections.Generic;
using System.Text;

namespace PagerDutySinks.Fingerprinting;

/// <summary>
/// Computes a stable fingerprint of an exception from its type chain and the method where each exception was thrown,
/// so the same bug gets the same <c>dedup_key</c> across processes, builds and JIT modes. Thread-safe; never throws
/// for a non-null exception. See <c>docs/fingerprints.md</c> for the rules.
/// </summary>
public sealed class ExceptionFingerprinter
{
    private const int MaxSignatureFrames = 20;

    private readonly FrameReader _frames;

    /// <summary>Creates a fingerprinter with the default options.</summary>
    public ExceptionFingerprinter()
        : this(new FingerprintOptions())
    {
    }

    /// <summary>Creates a fingerprinter.</summary>
    /// <param name="options">The in-app rules.</param>
    public ExceptionFingerprinter(FingerprintOptions options)
        : this(options, useThrowSiteShortcut: true)
    {
    }

    /// <summary>Creates a fingerprinter; tests turn the throw-site shortcut off to compare it with the full walk.</summary>
    internal ExceptionFingerprinter(FingerprintOptions options, bool useThrowSiteShortcut)
    {
        Guard.NotNull(options, nameof(options));

        _frames = new FrameReader(new InAppFilter(options.InAppInclude, options.InAppExclude), Math.Max(1, options.FallbackFrameCount), useThrowSiteShortcut);
    }

    /// <summary>Creates a fingerprinter from in-app include and exclude prefixes.</summary>
    /// <param name="inAppInclude">Type-name prefixes of the application's own frames (may be empty).</param>
    /// <param name="inAppExclude">Type-name prefixes of framework frames.</param>
    public ExceptionFingerprinter(IEnumerable<string> inAppInclude, IEnumerable<string> inAppExclude)
    {
        Guard.NotNull(inAppInclude, nameof(inAppInclude));
        Guard.NotNull(inAppExclude, nameof(inAppExclude));

        _frames = new FrameReader(new InAppFilter(inAppInclude, inAppExclude), new FingerprintOptions().FallbackFrameCount);
    }

    /// <summary>Computes the fingerprint of <paramref name="exception"/>.</summary>
    /// <param name="exception">The exception; its stack trace is read, never its message.</param>
    /// <returns>The fingerprint; one built from the type name alone when the stack cannot be read.</returns>
    public Fingerprint Compute(Exception exception)
    {
        Guard.NotNull(exception, nameof(exception));

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

    // The key needs only each exception's type and anchor; the frames the readable signature lists are read when the
    // signature is first asked for, which only happens for events that are sent.
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
            string? anchor = null;
            if (!link.IsCause)
            {
                anchor = _frames.FindAnchor(link.Exception, out var inAppAnchor);
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
            described.Add(new DescribedException(typeName, link.Exception));
        }

        var primary = chain[0].Exception.GetType();
        var hash = FingerprintHash.ToHex(canonical.ToString());
        var shortType = MethodNames.ShortTypeName(primary);
        var frames = _frames;
        return new Fingerprint(
            DedupKeyText.ForException(shortType, topFrame, hash),
            () => BuildSignature(frames, described),
            shortType,
            topFrame);
    }

    private static string BuildSignature(FrameReader reader, List<DescribedException> exceptions)
    {
        var signature = new StringBuilder(1024);
        foreach (var exception in exceptions)
        {
            List<FrameInfo> frames;
            try
            {
                frames = reader.Read(exception.Exception);
            }
#pragma warning disable CA1031 // built lazily, outside Compute's guard: a hostile exception loses its frames, nothing more
            catch (Exception)
#pragma warning restore CA1031
            {
                frames = new List<FrameInfo>();
            }

            AppendSignature(signature, exception.TypeName, frames);
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

    private sealed record DescribedException(string TypeName, Exception Exception);
}
