using System;
using System.Runtime.CompilerServices;
using System.Threading;
using PagerDutySinks.Fingerprinting;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// The pipeline's fingerprinter: stack-based exception fingerprints with the options' in-app rules, and template
/// fingerprints from template and category.
/// </summary>
internal sealed class DefaultFingerprinter : IAlertFingerprinter
{
    private readonly ExceptionFingerprinter _exceptions;

    // The same exception object is often logged several times (caught, logged, wrapped, logged again; or the same
    // instance re-logged in a storm), and walking its frames is the costly part. The table holds identities per
    // instance without keeping exceptions alive. Caveat, accepted: an instance rethrown with `throw ex;` or logged
    // before it was thrown gets a different stack later, yet keeps its first fingerprint here — logging it again
    // still lands on the alert it was first reported under, which is what an operator expects anyway.
    private readonly ConditionalWeakTable<Exception, CachedIdentity> _byInstance = new();
    private readonly ConditionalWeakTable<Exception, CachedIdentity>.CreateValueCallback _compute;
    private int _computed;

    private DefaultFingerprinter(ExceptionFingerprinter exceptions)
    {
        _exceptions = exceptions;
        // Made once: a method-group conversion per call would allocate on every lookup, hits included.
        _compute = Compute;
    }

    /// <summary>How many exception instances had their frames walked (cache misses), for tests.</summary>
    internal int ComputedCount => Volatile.Read(ref _computed);

    public static IAlertFingerprinter Create(AlertPipelineOptions options) => CreateDefault(options);

    internal static DefaultFingerprinter CreateDefault(AlertPipelineOptions options) =>
        new(new ExceptionFingerprinter(options.InAppInclude, options.InAppExclude));

    public AlertIdentity ForException(Exception exception) =>
        // Threads racing on a new instance may both compute; GetValue keeps one result, so all callers see the same key.
        _byInstance.GetValue(exception, _compute).Identity;

    public AlertIdentity ForTemplate(string? messageTemplate, string? category)
    {
        var fingerprint = TemplateFingerprint.Compute(messageTemplate, category);
        return new AlertIdentity(fingerprint.DedupKey, fingerprint.Signature);
    }

    private CachedIdentity Compute(Exception exception)
    {
        Interlocked.Increment(ref _computed);
        var fingerprint = _exceptions.Compute(exception);
        return new CachedIdentity(new AlertIdentity(fingerprint.DedupKey, fingerprint.Signature));
    }

    private sealed class CachedIdentity
    {
        public CachedIdentity(AlertIdentity identity) => Identity = identity;

        public AlertIdentity Identity { get; }
    }
}
