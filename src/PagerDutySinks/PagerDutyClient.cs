using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using PagerDutySinks.Client;
using PagerDutySinks.Events;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PagerDutySinks;

/// <summary>
/// Sends Events API v2 events: validated against PagerDuty's limits, throttled per routing key, retried with backoff.
/// Thread-safe; create one per endpoint and reuse it.
/// </summary>
/// <remarks>
/// <para>Every HTTP attempt, retries included, takes a permit from a limiter shared by all clients in the process that
/// send with the same routing key (on the same <see cref="TimeProvider"/>): no 60-second window ever holds more than
/// <see cref="PagerDutyClientOptions.RateLimitPerMinute"/> requests for a key. When clients configure different limits
/// for one key, the smallest applies; a client's limit counts for a key from its first send with it until it is
/// disposed.</para>
/// <para>Events are bounded before sending (summary, dedup key, 512 KB; see <see cref="EventLimits"/>); acknowledge
/// and resolve events are sent with only their routing key, action and dedup key.</para>
/// <para>429, 408, 5xx, network errors and attempt timeouts are retried with exponential backoff and jitter, or after
/// the wait the server asks for (<c>Retry-After</c> or <c>ratelimit-reset</c>), within
/// <see cref="PagerDutyClientOptions.MaxRetryAttempts"/> and <see cref="PagerDutyClientOptions.MaxRetryDuration"/>.
/// Other 4xx answers are not retried. A 2xx answer counts as accepted even when its body is empty or malformed; the
/// result's dedup key is then the one that was sent.</para>
/// </remarks>
public sealed class PagerDutyClient : IAlertSender, IDisposable
{
    private static readonly ResiliencePropertyKey<SendState> StateKey = new("PagerDutySinks.SendState");
    private static readonly ProductInfoHeaderValue UserAgent = new("PagerDutySinks", typeof(PagerDutyClient).Assembly.GetName().Version?.ToString(3) ?? "0");

    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline<HttpResponseMessage> _retryPipeline;
    private readonly ResiliencePipeline _attemptPipeline;
    private readonly ConcurrentDictionary<string, SlidingWindowLogRateLimiter> _limiters = new(StringComparer.Ordinal);
    // Snapshots: the options object stays mutable, but a running client must not change behaviour under a send.
    private readonly PagerDutyEndpoint _endpoint;
    private readonly int _rateLimitPerMinute;
    private readonly TimeSpan _maxRetryDuration;
    private readonly TimeSpan _baseRetryDelay;
    private readonly int _maxRetryAttempts;
    private long _throttleWaits;
    private long _serverThrottles;
    private int _disposed;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public PagerDutyClient(PagerDutyClientOptions? options = null)
    {
        Options = options ?? new PagerDutyClientOptions();
        Options.Validate();
        _timeProvider = Options.TimeProvider;
        _endpoint = Options.Endpoint;
        _rateLimitPerMinute = Options.RateLimitPerMinute;
        _maxRetryDuration = Options.MaxRetryDuration;
        _baseRetryDelay = Options.BaseRetryDelay;
        _maxRetryAttempts = Options.MaxRetryAttempts;

        _httpClient = Options.HttpMessageHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false)
            : new HttpClient(CreateDefaultHandler(), disposeHandler: true);

        // Timeouts run on the TimeProvider (per attempt), not on HttpClient's own clock.
        _httpClient.Timeout = Timeout.InfiniteTimeSpan;
        _httpClient.MaxResponseContentBufferSize = 1024 * 1024;
        _httpClient.DefaultRequestHeaders.UserAgent.Add(UserAgent);

        _attemptPipeline = new ResiliencePipelineBuilder { TimeProvider = _timeProvider }
            .AddTimeout(Options.AttemptTimeout)
            .Build();
        _retryPipeline = BuildRetryPipeline();
    }

    /// <summary>The settings this client was created with.</summary>
    public PagerDutyClientOptions Options { get; }

    /// <summary>Raised each time a send has to wait for a rate-limit permit.</summary>
    internal event Action? ThrottleWaited;

    /// <summary>Raised when a retry is scheduled, with the delay before it.</summary>
    internal event Action<TimeSpan>? RetryScheduled;

    /// <summary>How many times a send had to wait for a rate-limit permit.</summary>
    internal long ThrottleWaitCount => Interlocked.Read(ref _throttleWaits);

    /// <summary>How many 429 answers PagerDuty gave this client.</summary>
    internal long ServerThrottleCount => Interlocked.Read(ref _serverThrottles);

    /// <summary>Sends an alert event (trigger, acknowledge or resolve). Never throws for send failures; see the result.</summary>
    /// <param name="alertEvent">The event; validated and bounded to PagerDuty's limits before sending.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <returns>How the send ended.</returns>
    /// <exception cref="ArgumentException">The event is invalid (bad routing key, acknowledge or resolve without a dedup key, image not https).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<SendResult> SendAsync(AlertEvent alertEvent, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var prepared = EventPreparer.PrepareAlert(alertEvent);
        return SendPreparedAsync(prepared, _endpoint.EnqueueUri, cancellationToken);
    }

    /// <summary>Sends a change event. Never throws for send failures; see the result.</summary>
    /// <param name="changeEvent">The change event.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <returns>How the send ended.</returns>
    /// <exception cref="ArgumentException">The event is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<SendResult> SendChangeAsync(ChangeEvent changeEvent, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var prepared = EventPreparer.PrepareChange(changeEvent);
        return SendPreparedAsync(prepared, _endpoint.ChangeEnqueueUri, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var limiter in _limiters.Values)
        {
            SharedRateLimiters.Release(limiter, _rateLimitPerMinute);
        }

        _limiters.Clear();
        _httpClient.Dispose();
    }

#if NET8_0_OR_GREATER
    private static SocketsHttpHandler CreateDefaultHandler()
    {
        // A bounded connection lifetime lets DNS changes (PagerDuty fail-over) take effect.
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
    }
#else
    private static HttpClientHandler CreateDefaultHandler() =>
        new() { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
#endif

    private ResiliencePipeline<HttpResponseMessage> BuildRetryPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider };
        if (_maxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _maxRetryAttempts,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.AttemptNumber, args.Context)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(StateKey, null!).NextDelay),
            });
        }

        return builder.Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber, ResilienceContext context)
    {
        // Polly asks about the last attempt too; there is nothing to schedule then.
        if (context.CancellationToken.IsCancellationRequested || attemptNumber >= _maxRetryAttempts)
        {
            return false;
        }

        var transient = outcome.Exception switch
        {
            HttpRequestException or TimeoutRejectedException => true,
            null => outcome.Result is { } response && IsTransient((int)response.StatusCode),
            _ => false,
        };
        if (!transient)
        {
            return false;
        }

        var state = context.Properties.GetValue(StateKey, null!);
        var delay = state.LastRequestedDelay is { } requested && outcome.Exception is null
            ? requested
            : RetryDelays.Backoff(_baseRetryDelay, attemptNumber);
        if (_timeProvider.GetElapsedTime(state.StartTimestamp) + delay > _maxRetryDuration)
        {
            state.RetryBudgetExhausted = true;
            return false;
        }

        state.NextDelay = delay;
        RetryScheduled?.Invoke(delay);
        return true;
    }

    private static bool IsTransient(int status) => status is 408 or 429 or >= 500;

    private async Task<SendResult> SendPreparedAsync(PreparedEvent prepared, Uri uri, CancellationToken cancellationToken)
    {
        var limiter = _limiters.GetOrAdd(prepared.RoutingKey,
            key => SharedRateLimiters.Acquire(key, _timeProvider, _rateLimitPerMinute));
        var state = new SendState(prepared, uri, limiter, _timeProvider.GetTimestamp());

        // The budget bounds everything: waiting for permits, backoff and attempts in flight.
        using var budget = _timeProvider.CancelAfterOn(_maxRetryDuration);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var context = ResilienceContextPool.Shared.Get(linked.Token);
        context.Properties.Set(StateKey, state);
        try
        {
            using var response = await _retryPipeline.ExecuteAsync(
                static (ctx, client) => client.AttemptAsync(ctx), context, this).ConfigureAwait(false);
            return SendResults.FromResponse(state, (int)response.StatusCode);
        }
        catch (Exception exception) when (exception is not ArgumentException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return SendResults.FromException(state, exception, Options, budget.IsCancellationRequested);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(ResilienceContext context)
    {
        var state = context.Properties.GetValue(StateKey, null!);
        var cancellationToken = context.CancellationToken;

        using (var lease = state.Limiter.AttemptAcquire())
        {
            if (!lease.IsAcquired)
            {
                Interlocked.Increment(ref _throttleWaits);
                ThrottleWaited?.Invoke();
                state.WaitingForPermit = true;
                using var awaited = await state.Limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                state.WaitingForPermit = false;
            }
        }

        state.Attempts++;
        var response = await _attemptPipeline.ExecuteAsync(
            static async (s, token) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, s.State.Uri)
                {
                    Content = new ByteArrayContent(s.State.Event.Body),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                return await s.Client._httpClient.SendAsync(request, token).ConfigureAwait(false);
            },
            (Client: this, State: state),
            cancellationToken).ConfigureAwait(false);

        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        state.RecordResponse(response, body, RetryDelays.RequestedBy(response, _timeProvider.GetUtcNow()));
        if ((int)response.StatusCode == 429)
        {
            Interlocked.Increment(ref _serverThrottles);
        }

        return response;
    }

    private void ThrowIfDisposed()
    {
#if NET8_0_OR_GREATER
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
#else
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(PagerDutyClient));
        }
#endif
    }
}
