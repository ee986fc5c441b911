using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Channels;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// The logging threads' side of the pipeline: the level check, the bounded buffer's writer and the enqueued and dropped
/// counts. Everything a logging thread touches lives here, on cache lines the background loops never write, so that an
/// <c>Enqueue</c> does not wait for a line the consumer has just modified to travel between cores.
/// </summary>
internal sealed class AlertIntake
{
    private WriterState _state;

    public AlertIntake(int minimumLevel, ChannelWriter<AlertCandidate> writer)
    {
        _state.MinimumLevel = minimumLevel;
        _state.Writer = writer;
    }

    /// <summary>Candidates accepted into the buffer so far.</summary>
    public long Enqueued => Interlocked.Read(ref _state.Enqueued);

    /// <summary>Qualifying candidates refused so far: the buffer was full or the pipeline closed.</summary>
    public long Dropped => Interlocked.Read(ref _state.Dropped);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnabled(AlertLevel level) => (int)level >= _state.MinimumLevel;

    /// <summary>Buffers a candidate that passed <see cref="IsEnabled"/>; a refusal is counted as dropped.</summary>
    /// <param name="candidate">The candidate.</param>
    /// <returns>Whether the candidate was buffered.</returns>
    public bool TryWrite(AlertCandidate candidate)
    {
        if (Volatile.Read(ref _state.Closed) == 0)
        {
            // Counted before the write so the consumer can never have processed more than was enqueued.
            Interlocked.Increment(ref _state.Enqueued);
            if (_state.Writer.TryWrite(candidate))
            {
                return true;
            }

            Interlocked.Decrement(ref _state.Enqueued);
        }

        Interlocked.Increment(ref _state.Dropped);
        return false;
    }

    /// <summary>Refuses every later candidate and completes the buffer, so the consumer drains what is left and stops.</summary>
    public void Close()
    {
        Volatile.Write(ref _state.Closed, 1);
        _state.Writer.TryComplete();
    }

    // Padded on both sides: the objects next to this one in memory may well be written by the consumer.
    [StructLayout(LayoutKind.Explicit, Size = (2 * Padding) + 32)]
    private struct WriterState
    {
        private const int Padding = 128;

        [FieldOffset(Padding)]
        public long Enqueued;

        [FieldOffset(Padding + 8)]
        public long Dropped;

        [FieldOffset(Padding + 16)]
        public ChannelWriter<AlertCandidate> Writer;

        [FieldOffset(Padding + 24)]
        public int MinimumLevel;

        [FieldOffset(Padding + 28)]
        public int Closed;
    }
}
