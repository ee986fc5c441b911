using System.Threading.Channels;
using System.Threading.Tasks;
using Serilog.Core;
using Serilog.Events;

namespace PagerDutySinks.Benchmarks.Storm;

/// <summary>The cheapest possible asynchronous sink: one TryWrite into a bounded channel, drained and discarded.</summary>
internal sealed class FloorSink : ILogEventSink, System.IDisposable
{
    private readonly Channel<LogEvent> _channel = Channel.CreateBounded<LogEvent>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Task _drain;

    public FloorSink() => _drain = Task.Run(DrainAsync);

    public long Dropped { get; private set; }

    public void Emit(LogEvent logEvent)
    {
        if (!_channel.Writer.TryWrite(logEvent))
        {
            Dropped++;
        }
    }

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _drain.GetAwaiter().GetResult();
    }

    private async Task DrainAsync()
    {
        while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_channel.Reader.TryRead(out _))
            {
            }
        }
    }
}
