using System.Collections.Generic;

namespace PagerDutySinks.Pipeline;

/// <summary>FIFO per <see cref="SendPriority"/>; the dispatcher always takes the most urgent item. Not thread-safe.</summary>
internal sealed class SendQueue
{
    private readonly Queue<SendItem>[] _queues =
    {
        new Queue<SendItem>(), new Queue<SendItem>(), new Queue<SendItem>(), new Queue<SendItem>(),
    };

    /// <summary>Items not withdrawn.</summary>
    public int Count { get; private set; }

    public void Add(SendItem item)
    {
        _queues[(int)item.Priority].Enqueue(item);
        Count++;
    }

    /// <summary>Marks a queued item withdrawn; it is skipped when reached.</summary>
    public void Withdraw(SendItem item)
    {
        if (!item.Withdrawn)
        {
            item.Withdrawn = true;
            Count--;
        }
    }

    public SendItem? TakeNext()
    {
        foreach (var queue in _queues)
        {
            while (queue.Count > 0)
            {
                var item = queue.Dequeue();
                if (!item.Withdrawn)
                {
                    Count--;
                    return item;
                }
            }
        }

        return null;
    }

    /// <summary>Every item still queued, most urgent first.</summary>
    public List<SendItem> Snapshot()
    {
        var items = new List<SendItem>(Count);
        foreach (var queue in _queues)
        {
            foreach (var item in queue)
            {
                if (!item.Withdrawn)
                {
                    items.Add(item);
                }
            }
        }

        return items;
    }

    /// <summary>Empties the queue, returning what was in it.</summary>
    public List<SendItem> Clear()
    {
        var items = Snapshot();
        foreach (var queue in _queues)
        {
            queue.Clear();
        }

        Count = 0;
        return items;
    }
}
