using System;
using System.Globalization;
using System.Net.Http;
using Polly.Timeout;

namespace PagerDutySinks.Client;

/// <summary>Turns the last answer or failure of a send into a <see cref="SendResult"/>.</summary>
internal static class SendResults
{
    public static SendResult FromResponse(SendState state, int status)
    {
        var parsed = ResponseReader.TryParse(state.LastBody);
        if (status is >= 200 and < 300)
        {
            // A 2xx means PagerDuty took the event even if the body is empty or malformed (seen behind proxies);
            // the dedup key sent is then the best answer.
            return new SendResult(SendOutcome.Accepted, parsed?.DedupKey ?? state.Event.DedupKey, status,
                parsed?.Message ?? "Event accepted", attempts: state.Attempts);
        }

        var described = Describe(state, parsed);
        if (status == 429)
        {
            return new SendResult(SendOutcome.Throttled, state.Event.DedupKey, status,
                $"PagerDuty kept answering 429 Too Many Requests{Tried(state)}{Budget(state)}: {described}", ResponseReader.ErrorsOf(parsed), state.Attempts);
        }

        if (status is >= 400 and < 500 && status != 408)
        {
            return new SendResult(SendOutcome.Rejected, state.Event.DedupKey, status, described, ResponseReader.ErrorsOf(parsed), state.Attempts);
        }

        return new SendResult(SendOutcome.Failed, state.Event.DedupKey, status,
            $"HTTP {status} {state.LastReasonPhrase}{Tried(state)}{Budget(state)}: {described}".Replace("  ", " "), ResponseReader.ErrorsOf(parsed), state.Attempts);
    }

    public static SendResult FromException(SendState state, Exception exception, PagerDutyClientOptions options, bool retryBudgetSpent)
    {
        if (state.WaitingForPermit)
        {
            return new SendResult(SendOutcome.Throttled, state.Event.DedupKey, state.LastStatusCode,
                string.Format(CultureInfo.InvariantCulture,
                    "The local rate limit for routing key {0} allowed no request within MaxRetryDuration ({1}).",
                    RoutingKey.Mask(state.Event.RoutingKey), options.MaxRetryDuration),
                attempts: state.Attempts, exception: exception);
        }

        if (retryBudgetSpent && state.LastStatusCode is { } status && status is not (>= 200 and < 300))
        {
            // The budget ran out while waiting to retry an HTTP answer: report that answer.
            state.RetryBudgetExhausted = true;
            return FromResponse(state, status);
        }

        var message = exception switch
        {
            TimeoutRejectedException => string.Format(CultureInfo.InvariantCulture, "No answer within the attempt timeout ({0})", options.AttemptTimeout),
            HttpRequestException => "Network error: " + exception.Message,
            OperationCanceledException when retryBudgetSpent => "Gave up",
            _ => "Unexpected error: " + exception.GetType().Name + ": " + exception.Message,
        };
        if (retryBudgetSpent)
        {
            state.RetryBudgetExhausted = true;
        }

        return new SendResult(SendOutcome.Failed, state.Event.DedupKey, state.LastStatusCode,
            message + Tried(state) + Budget(state) + ".", attempts: state.Attempts, exception: exception);
    }

    private static string Describe(SendState state, Events.EnqueueResponse? parsed)
    {
        if (parsed?.Message is { Length: > 0 } message)
        {
            return parsed.Status is { Length: > 0 } s && s != message ? s + ": " + message : message;
        }

        return ResponseReader.Excerpt(state.LastBody) ?? "(empty body)";
    }

    private static string Tried(SendState state) =>
        state.Attempts > 1 ? string.Format(CultureInfo.InvariantCulture, " after {0} attempts", state.Attempts) : "";

    private static string Budget(SendState state) => state.RetryBudgetExhausted ? " (retry time budget spent)" : "";
}
