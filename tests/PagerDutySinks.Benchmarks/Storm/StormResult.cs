namespace PagerDutySinks.Benchmarks.Storm;

/// <summary>What one storm run measured, passed from the child process to the parent as JSON.</summary>
internal sealed class StormResult
{
    public string Mode { get; set; } = "";
    public int Events { get; set; }
    public int Threads { get; set; }
    public double WallSeconds { get; set; }
    public double FlushSeconds { get; set; }
    public double P50Ns { get; set; }
    public double P99Ns { get; set; }
    public double P999Ns { get; set; }
    public double MaxNs { get; set; }
    public long PeakWorkingSetBytes { get; set; }
    public long Dropped { get; set; }
    public string[] ExpectedKeys { get; set; } = [];
}
