namespace PagerDutySinks.Cli;

/// <summary>The process exit codes of <c>pagerduty</c>, so scripts can tell a typo from an outage.</summary>
internal static class ExitCodes
{
    /// <summary>PagerDuty accepted the event (or the command finished normally).</summary>
    public const int Accepted = 0;

    /// <summary>Bad input: unparsable arguments, an invalid connection URL or option value.</summary>
    public const int BadInput = 2;

    /// <summary>PagerDuty rejected the event (400); retrying cannot help.</summary>
    public const int Rejected = 3;

    /// <summary>PagerDuty kept throttling, or could not be reached, within the retry budget.</summary>
    public const int Unavailable = 4;
}
