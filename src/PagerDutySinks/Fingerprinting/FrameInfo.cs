namespace PagerDutySinks.Fingerprinting;

// One stack frame's method, normalized once and cached.
internal sealed class FrameInfo
{
    public FrameInfo(string name, string anchor, bool isInApp, bool isInliningBarrier)
    {
        Name = name;
        Anchor = anchor;
        IsInApp = isInApp;
        IsInliningBarrier = isInliningBarrier;
    }

    // `Namespace.Type.Member`, with lambdas and local functions spelled out: `Orders.Checkout.Place.Check`.
    public string Name { get; }

    // `Namespace.Type.Owner`: the source method a lambda, local function or state machine belongs to.
    public string Anchor { get; }

    public bool IsInApp { get; }

    // A frame the JIT keeps in every mode (Debug, Tier-0, Tier-1 with PGO, full opts): the MoveNext of an async or
    // iterator state machine, a [MethodImpl(NoInlining)] method, a [DoesNotReturn] throw helper. Frames above it
    // (towards the throw) may be inlined into it, so it is the most precise location that cannot vanish.
    public bool IsInliningBarrier { get; }
}
