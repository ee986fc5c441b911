using System;

namespace PagerDutySinks.Cli;

/// <summary>Bad input found while preparing a command; its message is shown as is and the exit code is <see cref="ExitCodes.BadInput"/>.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message)
        : base(message)
    {
    }

    public CliInputException()
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
