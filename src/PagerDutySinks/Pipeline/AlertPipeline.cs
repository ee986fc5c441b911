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
public sealed class AlertPipeline : IDisposable, IAsyncDisposable
{
    // Bounds how long disposal waits for the background loops after cancelling them; they stop promptly when cancelled.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);
    private const int ConsumerBatch = 256;

    private readonly int _minimumLevel;
    private readonly Channel<AlertCandidate> _buffer;
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
    private TaskCompletionSource<bool> _progress = NewSignal();
    private SendItem? _inFlight;
    private bool _dispatcherWaiting;
    private volatile bool _stopping;
    private int _flushRequests;
    private int _disposeStarted;
    private volatile bool _closed;
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
#if NET8_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(options);
#else
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
#endif

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
        _minimumLevel = (int)options.MinimumLevel;
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
        _dueTimer = _clock.CreateTimer(static state => ((AlertPipeline)state!).Wake(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _consumer = Task.Run(ConsumeAsync);
        _dispatcher = Task.Run(DispatchAsync);
    }

    /// <summary>The meter this pipeline reports on (named <c>PagerDutySinks</c>).</summary>
    internal System.Diagnostics.Metrics.Meter Meter => _metrics.Meter;

    /// <summary>Whether a candidate at <paramref name="level"/> would be accepted. Cheap; call before building a candidate.</summary>
    /// <param name="level">The level.</param>
    /// <returns><see langword="true"/> when the level reaches the minimum.</returns>
    public bool IsEnabled(AlertLevel level) => (int)level >= _minimumLevel;

    /// <summary>Offers a candidate. Never blocks and never throws; when the buffer is full the candidate is dropped and counted.</summary>
    /// <param name="candidate">The candidate.</param>
    /// <returns><see langword="true"/> when the candidate was buffered; <see langword="false"/> when filtered out or dropped.</returns>
    public bool Enqueue(AlertCandidate candidate)
    {
        if (candidate is null || (int)candidate.Level < _minimumLevel)
        {
            return false;
        }

        if (!_closed)
        {
            // Counted before the write so the consumer can never have processed more than was enqueued.
            Interlocked.Increment(ref _counters.Enqueued);
            if (_buffer.Writer.TryWrite(candidate))
            {
                return true;
            }

            Interlocked.Decrement(ref _counters.Enqueued);
        }

        Interlocked.Increment(ref _counters.Dropped);
        _metrics.Dropped.Add(1);
        return false;
    }

    /// <summary>Delivers everything pending, waiting at most <paramref name="timeout"/>; reports what could not be sent.</summary>
    /// <param name="timeout">The bound; <see cref="AlertPipelineOptions.ShutdownTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>What was and was not delivered.</returns>
    public async Task<FlushResult> FlushAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var result = await FlushCoreAsync(timeout ?? _shutdownTimeout, cancellationToken).ConfigureAwait(false);
        if (!result.Completed && result.NotDeliveredCount > 0)
        {
            _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.NotDelivered,
                result.NotDeliveredCount + " event(s) still pending when the flush timed out; they stay queued.",
                result.NotDeliveredCount, result.NotDeliveredDedupKeys));
        }

        return result;
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
                    Enqueued = Interlocked.Read(ref _counters.Enqueued),
                    Dropped = Interlocked.Read(ref _counters.Dropped),
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
                return _counters.Processed == Interlocked.Read(ref _counters.Enqueued) && _buffer.Reader.Count == 0 &&
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

    /// <summary>Runs the consumer's work for one candidate synchronously (benchmarks).</summary>
    internal void ProcessForBenchmark(AlertCandidate candidate) => Process(candidate);

    private async Task ShutdownAsync()
    {
        _closed = true;
        _buffer.Writer.TryComplete();
        await FlushCoreAsync(_shutdownTimeout, CancellationToken.None).ConfigureAwait(false);

        lock (_gate)
        {
            _stopping = true;
        }

#if NET8_0_OR_GREATER
        await _stopSending.CancelAsync().ConfigureAwait(false);
#else
        _stopSending.Cancel();
#endif
        Wake();
        await Task.WhenAny(Task.WhenAll(_consumer, _dispatcher), Task.Delay(StopGrace)).ConfigureAwait(false);

        List<string> keys;
        int count;
        lock (_gate)
        {
            // Updates not yet due become events now, so they are counted and reported like everything else left over.
            _tracker.PromoteDue(_clock.GetUtcNow(), flushAll: true);
            var abandoned = _tracker.Queue.Clear();
            if (_inFlight is { } inFlight)
            {
                abandoned.Insert(0, inFlight);
                _inFlight = null;
            }

            keys = new List<string>(abandoned.Count);
            foreach (var item in abandoned)
            {
                keys.Add(item.DedupKey);
            }

            var unprocessed = Interlocked.Read(ref _counters.Enqueued) - _counters.Processed;
            _counters.Processed += unprocessed;
            _counters.NotDelivered += abandoned.Count + unprocessed;
            count = keys.Count + (int)unprocessed;
        }

        if (count > 0)
        {
            _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.NotDelivered,
                count + " event(s) could not be delivered before shutdown.", count, keys));
        }

        ReportDrops();
        if (_throttleSource is not null)
        {
            _throttleSource.ThrottleWaited -= OnThrottleWaited;
        }

        _dueTimer.Dispose();
        _metrics.Dispose();
        _ownedClient?.Dispose();
    }

    private async Task<FlushResult> FlushCoreAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            timeout = TimeSpan.Zero;
        }

        var target = Interlocked.Read(ref _counters.Enqueued);
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = timeout == Timeout.InfiniteTimeSpan
            ? Task.Delay(Timeout.Infinite, stopWaiting.Token)
            : ClockDelay.Of(_clock, timeout, stopWaiting.Token);
        Interlocked.Increment(ref _flushRequests);
        try
        {
            Wake();
            while (true)
            {
                Task progress;
                lock (_gate)
                {
                    if (_counters.Processed >= target && _tracker.Queue.Count == 0 && _inFlight is null && _tracker.ScheduledUpdates == 0)
                    {
                        return new FlushResult(true);
                    }

                    progress = _progress.Task;
                }

                var finished = await Task.WhenAny(progress, deadline).ConfigureAwait(false);
                if (finished != progress)
                {
                    break;
                }
            }

            return PendingReport(target);
        }
        finally
        {
            Interlocked.Decrement(ref _flushRequests);
#if NET8_0_OR_GREATER
            await stopWaiting.CancelAsync().ConfigureAwait(false);
#else
            stopWaiting.Cancel();
#endif
        }
    }

    private FlushResult PendingReport(long target)
    {
        lock (_gate)
        {
            var keys = new List<string>();
            if (_inFlight is { } inFlight)
            {
                keys.Add(inFlight.DedupKey);
            }

            foreach (var item in _tracker.Queue.Snapshot())
            {
                keys.Add(item.DedupKey);
            }

            keys.AddRange(_tracker.ScheduledUpdateKeys());
            var unprocessed = (int)Math.Max(0, target - _counters.Processed);
            return new FlushResult(false, keys.Count + unprocessed, keys);
        }
    }

    private async Task ConsumeAsync()
    {
        var reader = _buffer.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                var taken = 0;
                // Once shutdown has given up, what is left is counted as not delivered rather than processed late.
                while (taken < ConsumerBatch && !_stopping && reader.TryRead(out var candidate))
                {
                    Process(candidate);
                    taken++;
                }

                _metrics.Enqueued.Add(taken);
                ReportDrops();
                Wake();
                if (_stopping)
                {
                    return;
                }
            }
        }
#pragma warning disable CA1031 // the consumer must outlive anything a candidate can do; Process already guards each one
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Failed, "The alert consumer stopped unexpectedly.", 0, null, ex));
        }
    }

    private void Process(AlertCandidate candidate)
    {
        try
        {
            if (IsIgnored(candidate.Category))
            {
                lock (_gate)
                {
                    _counters.Filtered++;
                    _counters.Processed++;
                }

                return;
            }

            SpecialProperties.Read(candidate, _dedupKeyProperty, _actionProperty, _converter, out var explicitKey, out var actionText);
            var action = EventAction.Trigger;
            if (actionText is not null && !WireNames.TryParseAction(actionText, out action))
            {
                _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Configuration,
                    "Property " + _actionProperty + " has the value '" + SafeText.Bound(actionText, 64) +
                    "', which is not trigger, acknowledge or resolve; the event is treated as a trigger.", 1,
                    explicitKey is null ? null : new[] { explicitKey }));
                action = EventAction.Trigger;
            }

            if (action != EventAction.Trigger)
            {
                if (explicitKey is null)
                {
                    _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Configuration,
                        "An event asks to " + action.ToWire() + " but carries no " + _dedupKeyProperty +
                        " property; nothing was sent, since only an explicit dedup key names the alert to " + action.ToWire() + "."));
                    lock (_gate)
                    {
                        _counters.Filtered++;
                        _counters.Processed++;
                    }

                    return;
                }

                lock (_gate)
                {
                    _tracker.ExplicitAction(candidate, explicitKey, action);
                    _counters.Processed++;
                }

                return;
            }

            var identity = explicitKey is not null ? new AlertIdentity(explicitKey, null) : Identify(candidate);
            var severity = _severities[Math.Max(0, Math.Min(_severities.Length - 1, (int)candidate.Level))];
            var now = _clock.GetUtcNow();
            long coalesced;
            lock (_gate)
            {
                var before = _counters.Coalesced;
                _tracker.Observe(candidate, identity, severity, now);
                _counters.Processed++;
                coalesced = _counters.Coalesced - before;
            }

            if (coalesced > 0)
            {
                _metrics.Coalesced.Add(coalesced);
            }
        }
#pragma warning disable CA1031 // one bad candidate must not stop the pipeline; it is counted and reported
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _counters.Failed++;
                _counters.Processed++;
            }

            _metrics.Failed.Add(1);
            _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Failed, "A log event could not be processed into an alert.", 1, null, ex));
        }
    }

    private AlertIdentity Identify(AlertCandidate candidate)
    {
        if (candidate.Exception is { } exception)
        {
            try
            {
                return _fingerprinter.ForException(exception);
            }
#pragma warning disable CA1031 // a fingerprinting failure degrades to a coarser key
            catch (Exception)
#pragma warning restore CA1031
            {
                return _fallbackFingerprinter.ForException(exception);
            }
        }

        var template = candidate.MessageTemplate ?? candidate.RenderedMessage;
        if (template is not null && _templateIdentities.TryGet(template, candidate.Category, out var known))
        {
            return known;
        }

        AlertIdentity identity;
        try
        {
            identity = _fingerprinter.ForTemplate(template, candidate.Category);
        }
#pragma warning disable CA1031 // a fingerprinting failure degrades to a coarser key
        catch (Exception)
#pragma warning restore CA1031
        {
            identity = _fallbackFingerprinter.ForTemplate(template, candidate.Category);
        }

        if (template is not null)
        {
            _templateIdentities.Add(template, candidate.Category, identity);
        }

        return identity;
    }

    private bool IsIgnored(string? category)
    {
        if (category is null)
        {
            return false;
        }

        foreach (var prefix in _ignoredCategories)
        {
            if (category.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private async Task DispatchAsync()
    {
        var stop = _stopSending.Token;
        while (true)
        {
            PreparedSend? prepared = null;
            Task? wait = null;
            lock (_gate)
            {
                if (_stopping)
                {
                    return;
                }

                _dispatcherWaiting = false;
                var now = _clock.GetUtcNow();
                _tracker.PromoteDue(now, _flushRequests > 0);
                while (prepared is null && _tracker.Queue.TakeNext() is { } item)
                {
                    prepared = _tracker.Prepare(item, now);
                }

                if (prepared is not null)
                {
                    _inFlight = prepared.Item;
                    if (prepared.Action == EventAction.Trigger)
                    {
                        prepared.DroppedEvents = Interlocked.Read(ref _counters.Dropped) - _droppedCarried;
                    }
                }
                else
                {
                    var next = _tracker.NextDue();
                    if (next is { } due && due <= now)
                    {
                        continue;
                    }

                    _dueTimer.Change(next is { } at ? at - now : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    _wake = NewSignal();
                    wait = _wake.Task;
                    _dispatcherWaiting = true;
                    SignalProgress();
                }
            }

            if (wait is not null)
            {
                await wait.ConfigureAwait(false);
                continue;
            }

            SendResult result;
            try
            {
                var alertEvent = _factory.Build(prepared!, out var degraded);
                if (degraded is not null)
                {
                    _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Degraded, degraded, 1, new[] { prepared!.DedupKey }));
                }

                result = await _sender.SendAsync(alertEvent, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Shutting down: the event stays in flight and is reported as not delivered.
                return;
            }
            catch (ArgumentException ex)
            {
                result = new SendResult(SendOutcome.Rejected, message: ex.Message);
            }
#pragma warning disable CA1031 // a sender failure is an outcome to report, not a reason to stop dispatching
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result = new SendResult(SendOutcome.Failed, message: ex.Message, exception: ex);
            }

            Account(prepared!, result);
        }
    }

    private void Account(PreparedSend prepared, SendResult result)
    {
        PagerDutyDiagnostic? diagnostic = null;
        var keys = new[] { prepared.DedupKey };
        lock (_gate)
        {
            _inFlight = null;
            switch (result.Outcome)
            {
                case SendOutcome.Accepted:
                    _counters.Sent++;
                    _droppedCarried += prepared.DroppedEvents;
                    break;
                case SendOutcome.Rejected:
                    _counters.Rejected++;
                    diagnostic = new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Rejected,
                        "PagerDuty rejected a " + prepared.Action.ToWire() + " event: " + result, 1, keys, result.Exception);
                    break;
                case SendOutcome.Throttled:
                    _counters.Throttled++;
                    _counters.Failed++;
                    diagnostic = new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Failed,
                        "A " + prepared.Action.ToWire() + " event could not be sent within the rate limit: " + result, 1, keys, result.Exception);
                    break;
                default:
                    _counters.Failed++;
                    diagnostic = new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Failed,
                        "A " + prepared.Action.ToWire() + " event could not be delivered: " + result, 1, keys, result.Exception);
                    break;
            }

            SignalProgress();
        }

        switch (result.Outcome)
        {
            case SendOutcome.Accepted: _metrics.RecordSent(prepared.Action); break;
            case SendOutcome.Rejected: _metrics.Rejected.Add(1); break;
            case SendOutcome.Throttled: _metrics.Throttled.Add(1); _metrics.Failed.Add(1); break;
            default: _metrics.Failed.Add(1); break;
        }

        if (diagnostic is not null)
        {
            _diagnostics.Report(diagnostic);
        }
    }

    private void OnThrottleWaited()
    {
        lock (_gate)
        {
            _counters.Throttled++;
        }

        _metrics.Throttled.Add(1);
    }

    private void ReportDrops()
    {
        long newlyDropped;
        lock (_gate)
        {
            var dropped = Interlocked.Read(ref _counters.Dropped);
            newlyDropped = dropped - _droppedReported;
            _droppedReported = dropped;
        }

        if (newlyDropped > 0)
        {
            _diagnostics.Report(new PagerDutyDiagnostic(PagerDutyDiagnosticKind.Dropped,
                newlyDropped + " log event(s) were dropped: the alert buffer was full or the pipeline was stopping.", (int)Math.Min(int.MaxValue, newlyDropped)));
        }
    }

    private void Wake()
    {
        lock (_gate)
        {
            if (_wake is { } wake)
            {
                _wake = null;
                _dispatcherWaiting = false;
                wake.TrySetResult(true);
            }
        }
    }

    private void SignalProgress()
    {
        var progress = _progress;
        _progress = NewSignal();
        progress.TrySetResult(true);
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

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
