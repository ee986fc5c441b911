using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using PagerDutySinks.Events;

namespace PagerDutySinks.Pipeline;

/// <summary>
/// The alert pipeline shared by the Serilog sink and the logging provider: a bounded buffer the logging thread writes into
/// without blocking, one consumer that groups candidates into alerts by dedup key, and a dispatcher that sends them
/// through a throttled, retrying <see cref="PagerDutyClient"/>.
/// </summary>
/// <remarks>
/// "Drain fast, send slow": the consumer only updates in-memory state and a priority send queue, so the buffer never fills
/// because HTTP is slow; the dispatcher sends one event at a time, always the most urgent one first.
/// </remarks>
public sealed partial class AlertPipeline : IDisposable, IAsyncDisposable
{
    // Bounds how long disposal waits for the background loops after cancelling them; they stop promptly when cancelled.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);
    private const int ConsumerBatch = 256;

    private readonly Channel<AlertCandidate> _buffer;
    private readonly AlertIntake _intake;
    private readonly PipelineCounters _counters = new();
    private readonly object _gate = new();
    private readonly AlertTracker _tracker;
    private readonly AlertEventFactory _factory;
    private readonly IAlertSender _sender;
    private readonly PagerDutyClient? _ownedClient;
    private readonly PagerDutyClient? _throttleSource;
    private readonly IAlertFingerprinter _fingerprinter;
    private readonly FallbackFingerprinter _fallbackFingerprinter = new();
    private readonly PipelineMetrics _metrics = new();
    private readonly DiagnosticsReporter _diagnostics;
    private readonly TimeProvider _clock;
    private readonly ITimer _dueTimer;
    private readonly Severity[] _severities;
    private readonly string[] _ignoredCategories;
    private readonly string _dedupKeyProperty;
    private readonly string _actionProperty;
    private readonly IDetailsValueConverter? _converter;
    private readonly TimeSpan _shutdownTimeout;
    private readonly CancellationTokenSource _stopSending = new();
    private readonly TaskCompletionSource<bool> _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _consumer;
    private readonly Task _dispatcher;

    private TaskCompletionSource<bool>? _wake;
    private DateTimeOffset? _armedDue;
    private TaskCompletionSource<bool> _progress = NewSignal();
    private SendItem? _inFlight;
    private bool _dispatcherWaiting;
    private volatile bool _stopping;
    private int _flushRequests;
    private int _disposeStarted;
    private long _droppedReported;
    private long _droppedCarried;

    // Consumer-only: the same log statement in a loop fingerprints once.
    private readonly TemplateIdentityCache _templateIdentities = new();

    /// <summary>Creates and starts a pipeline.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public AlertPipeline(AlertPipelineOptions options)
        : this(options, null, null)
    {
    }

    /// <summary>Creates and starts a pipeline that sends through <paramref name="sender"/> instead of a client of its own.</summary>
    /// <param name="options">The settings; validated here (<see cref="AlertPipelineOptions.Client"/> is not used to send).</param>
    /// <param name="sender">Where events go, e.g. a shared <see cref="PagerDutyClient"/>; not disposed by the pipeline.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public AlertPipeline(AlertPipelineOptions options, IAlertSender sender)
        : this(options, sender ?? throw new ArgumentNullException(nameof(sender)), null)
    {
    }

    /// <summary>Creates a pipeline that sends through <paramref name="sender"/> (a client of its own when <see langword="null"/>).</summary>
    internal AlertPipeline(AlertPipelineOptions options, IAlertSender? sender, IAlertFingerprinter? fingerprinter)
    {
        Guard.NotNull(options, nameof(options));

        options.Validate();
        _clock = options.TimeProvider ?? options.Client.TimeProvider ?? TimeProvider.System;
        if (sender is null)
        {
            _ownedClient = new PagerDutyClient(options.Client);
            sender = _ownedClient;
        }

        _sender = sender;
        _throttleSource = sender as PagerDutyClient;
        if (_throttleSource is not null)
        {
            _throttleSource.ThrottleWaited += OnThrottleWaited;
        }

        _fingerprinter = fingerprinter ?? DefaultFingerprinter.Create(options);
        _severities = SeverityMapping.Build(options.SeverityMap);
        _ignoredCategories = CopyNonEmpty(options.IgnoredCategories);
        _dedupKeyProperty = options.DedupKeyPropertyName;
        _actionProperty = options.ActionPropertyName;
        _converter = options.DetailsValueConverter;
        _shutdownTimeout = options.ShutdownTimeout;
        _diagnostics = new DiagnosticsReporter(options.Diagnostics);

        var source = string.IsNullOrWhiteSpace(options.Source) ? MachineName() : options.Source!;
        _tracker = new AlertTracker(
            new TrackerSettings
            {
                UpdateInterval = options.UpdateInterval,
                RepeatInterval = options.RepeatInterval,
                ResolveAfter = options.ResolveAfter,
                StormThreshold = options.StormThreshold,
                StormWindow = options.StormWindow,
                MaxTrackedKeys = options.MaxTrackedKeys,
                StormDedupKey = EventLimits.BoundDedupKey("v1|storm|" + source),
            },
            _counters);
        var attachments = new EventAttachments(options.LinksPropertyName, options.ImagesPropertyName, options.GroupPropertyName,
            new CustomDetailsBuilder(options.RedactedProperties, options.ExcludedProperties, Array.Empty<string>(), options.DetailsValueConverter),
            options.DetailsValueConverter);
        var details = new CustomDetailsBuilder(options.RedactedProperties, options.ExcludedProperties,
            new List<string>(attachments.PropertyNames) { options.DedupKeyPropertyName, options.ActionPropertyName }, options.DetailsValueConverter);
        _factory = new AlertEventFactory(
            new EventFactorySettings
            {
                RoutingKey = options.RoutingKey,
                Source = source,
                Group = options.Group,
                ClientName = options.ClientName,
                ClientUrl = options.ClientUrl,
                Links = new List<Link>(options.Links),
                Images = new List<Image>(options.Images),
                Converter = options.DetailsValueConverter,
                Attachments = attachments,
                RedactedProperties = new HashSet<string>(options.RedactedProperties, StringComparer.OrdinalIgnoreCase),
                StormWindow = options.StormWindow,
            },
            details);

        _buffer = Channel.CreateBounded<AlertCandidate>(new BoundedChannelOptions(options.QueueLimit)
        {
            // Wait mode makes TryWrite report a full buffer (DropWrite would claim success); TryWrite never waits.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
        _intake = new AlertIntake((int)options.MinimumLevel, _buffer.Writer);
        _dueTimer = _clock.CreateTimer(static state => ((AlertPipeline)state!).Wake(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _consumer = Task.Run(ConsumeAsync);
        _dispatcher = Task.Run(DispatchAsync);
        if (_ownedClient is not null)
        {
            _ = PipelineWarmUp.RunAsync(_ownedClient, _stopSending.Token);
        }
    }

    /// <summary>The meter this pipeline reports on (named <c>PagerDutySinks</c>).</summary>
    internal System.Diagnostics.Metrics.Meter Meter => _metrics.Meter;

    /// <summary>Whether a candidate at <paramref name="level"/> would be accepted. Cheap; call before building a candidate.</summary>
    /// <param name="level">The level.</param>
    /// <returns><see langword="true"/> when the level reaches the minimum.</returns>
    public bool IsEnabled(AlertLevel level) => _intake.IsEnabled(level);

    /// <summary>Offers a candidate. Never blocks and never throws; when the buffer is full the candidate is dropped and counted.</summary>
    /// <param name="candidate">The candidate.</param>
    /// <returns><see langword="true"/> when the candidate was buffered; <see langword="false"/> when filtered out or dropped.</returns>
    // Inlined into the caller, so a filtered candidate costs a null check and one comparison.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Enqueue(AlertCandidate candidate) => candidate is not null && _intake.IsEnabled(candidate.Level) && EnqueueQualifying(candidate);

    private bool EnqueueQualifying(AlertCandidate candidate)
    {
        if (_intake.TryWrite(candidate))
        {
            return true;
        }

        _metrics.Dropped.Add(1);
        return false;
    }

    /// <summary>A snapshot of the counters.</summary>
    public AlertPipelineStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return new AlertPipelineStatistics
                {
                    Enqueued = _intake.Enqueued,
                    Dropped = _intake.Dropped,
                    Processed = _counters.Processed,
                    Filtered = _counters.Filtered,
                    Coalesced = _counters.Coalesced,
                    Generated = _counters.Generated,
                    Sent = _counters.Sent,
                    Rejected = _counters.Rejected,
                    Failed = _counters.Failed,
                    Throttled = _counters.Throttled,
                    Superseded = _counters.Superseded,
                    NotDelivered = _counters.NotDelivered,
                    StormAlerts = _counters.StormAlerts,
                    Pending = _tracker.Queue.Count + (_inFlight is null ? 0 : 1),
                };
            }
        }
    }

    /// <summary>How many dedup keys are tracked now (bounded by <see cref="AlertPipelineOptions.MaxTrackedKeys"/>).</summary>
    internal int TrackedKeys
    {
        get
        {
            lock (_gate)
            {
                return _tracker.TrackedKeys;
            }
        }
    }

    /// <summary>
    /// Whether everything offered so far has been taken in, nothing is ready to send and the dispatcher is waiting for its
    /// next due time: the point at which a test may advance a fake clock or assert that nothing more is sent.
    /// </summary>
    internal bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _counters.Processed == _intake.Enqueued && _buffer.Reader.Count == 0 &&
                    _tracker.Queue.Count == 0 && _inFlight is null && _dispatcherWaiting;
            }
        }
    }

    /// <summary>Flushes within <see cref="AlertPipelineOptions.ShutdownTimeout"/> and stops.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) != 0)
        {
            await _disposed.Task.ConfigureAwait(false);
            return;
        }

        try
        {
            await ShutdownAsync().ConfigureAwait(false);
        }
        finally
        {
            _disposed.TrySetResult(true);
        }
    }

    /// <summary>Flushes within <see cref="AlertPipelineOptions.ShutdownTimeout"/> and stops.</summary>
    public void Dispose()
    {
        // Off the caller's synchronization context, so a UI or legacy ASP.NET context cannot deadlock the wait.
        Task.Run(async () => await DisposeAsync().ConfigureAwait(false)).GetAwaiter().GetResult();
    }

    private static string[] CopyNonEmpty(IEnumerable<string> values)
    {
        var list = new List<string>();
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                list.Add(value);
            }
        }

        return list.ToArray();
    }

    private static string MachineName()
    {
        try
        {
            return Environment.MachineName;
        }
#pragma warning disable CA1031 // some sandboxes refuse the machine name
        catch (Exception)
#pragma warning restore CA1031
        {
            return "unknown-host";
        }
    }
}
