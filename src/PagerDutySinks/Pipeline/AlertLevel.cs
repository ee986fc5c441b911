namespace PagerDutySinks.Pipeline;

/// <summary>A log level common to Serilog and Microsoft.Extensions.Logging.</summary>
public enum AlertLevel
{
    /// <summary>Serilog Verbose, MEL Trace.</summary>
    Verbose = 0,

    /// <summary>Debug.</summary>
    Debug = 1,

    /// <summary>Serilog Information, MEL Information.</summary>
    Information = 2,

    /// <summary>Warning.</summary>
    Warning = 3,

    /// <summary>Error.</summary>
    Error = 4,

    /// <summary>Serilog Fatal, MEL Critical.</summary>
    Fatal = 5,
}
