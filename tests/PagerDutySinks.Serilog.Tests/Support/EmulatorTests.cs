namespace PagerDutySinks.Serilog.Tests.Support;

/// <summary>
/// Tests that send to the emulator: they share it, and some touch process-wide Serilog state (SelfLog, Log.Logger),
/// so they run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EmulatorTests : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "PagerDuty sink against the emulator";
}
