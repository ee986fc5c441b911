namespace PagerDutySinks.Fingerprinting;

// One stack frame's method, normalized once and cached.
internal sealed class FrameInfo
{
    public FrameInfo(string name, string anchor, bool isInApp)
    {
        Name = name;
        Anchor = anchor;
        IsInApp = isInApp;
    }

    // `Namespace.Type.Member`, with lambdas and local functions spelled out: `Orders.Checkout.Place.Check`.
    public string Name { get; }

    // `Namespace.Type.Owner`: the source method a lambda, local function or state machine belongs to.
    public string Anchor { get; }

    public bool IsInApp { get; }
}
