using System;

namespace PagerDutySinks.Fingerprinting;

/// <summary>
/// A stable identity for "the same problem": a versioned <c>dedup_key</c> plus the readable text it was derived from.
/// </summary>
public sealed class Fingerprint
{
    private readonly Func<string>? _buildSignature;
    private string? _signature;

    /// <summary>Creates a fingerprint.</summary>
    /// <param name="dedupKey">The versioned key, at most 255 characters.</param>
    /// <param name="signature">The readable signature (exception types and normalized frames, or the message template).</param>
    /// <param name="exceptionType">The short name of the primary exception type; <see langword="null"/> for template fingerprints.</param>
    /// <param name="topFrame">The top in-app frame as <c>Type.Method</c>, if any.</param>
    public Fingerprint(string dedupKey, string signature, string? exceptionType, string? topFrame)
    {
        DedupKey = dedupKey;
        _signature = signature;
        ExceptionType = exceptionType;
        TopFrame = topFrame;
    }

    // The readable signature costs more to build than the key; a caller that only deduplicates never pays for it.
    internal Fingerprint(string dedupKey, Func<string> signature, string? exceptionType, string? topFrame)
    {
        DedupKey = dedupKey;
        _buildSignature = signature;
        ExceptionType = exceptionType;
        TopFrame = topFrame;
    }

    /// <summary>
    /// The versioned dedup key, e.g. <c>v1|InvalidOperationException|Probe.Orders.Checkout.Place|&lt;hex&gt;</c> or
    /// <c>v1|tmpl|&lt;category&gt;|&lt;hex&gt;</c>; never longer than 255 characters.
    /// </summary>
    public string DedupKey { get; }

    /// <summary>The readable, multi-line signature, suitable for <c>custom_details</c>.</summary>
    public string Signature => _signature ??= _buildSignature!();

    /// <summary>The short name of the primary exception type; <see langword="null"/> for template fingerprints.</summary>
    public string? ExceptionType { get; }

    /// <summary>The top in-app frame as <c>Namespace.Type.Method</c> (normalized), or <see langword="null"/> when there is none.</summary>
    public string? TopFrame { get; }

    /// <inheritdoc />
    public override string ToString() => DedupKey;
}
