namespace PagerDutySinks.Client;

/// <summary>An event checked, bounded and serialized, ready to post.</summary>
internal sealed class PreparedEvent
{
    public PreparedEvent(byte[] body, string routingKey, string? dedupKey, bool isChangeEvent, string? sizeReduction)
    {
        Body = body;
        RoutingKey = routingKey;
        DedupKey = dedupKey;
        IsChangeEvent = isChangeEvent;
        SizeReduction = sizeReduction;
    }

    /// <summary>The UTF-8 JSON body, at most <see cref="Events.EventLimits.MaxEventBytes"/> bytes.</summary>
    public byte[] Body { get; }

    /// <summary>The validated routing key.</summary>
    public string RoutingKey { get; }

    /// <summary>The bounded dedup key that was sent, if any.</summary>
    public string? DedupKey { get; }

    /// <summary>Whether this goes to the change events URL.</summary>
    public bool IsChangeEvent { get; }

    /// <summary>What was cut to fit the size limit, or <see langword="null"/> when nothing was.</summary>
    public string? SizeReduction { get; }
}
