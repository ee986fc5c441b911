using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PagerDutySinks.Emulator;
using PagerDutySinks.Reliability.Tests.Support;
using Serilog.Events;
using SerilogLogger = Serilog.ILogger;

namespace PagerDutySinks.Reliability.Tests;

/// <summary>
/// Hostile log events: nothing escapes to the logging call, and what is sent is a valid event PagerDuty accepts, within 512 KB.
/// </summary>
public sealed class HostileInputTests
{
    private const int MaxEventBytes = 512 * 1024;

    private static readonly Dictionary<string, Action<SerilogLogger>> SerilogCases = new()
    {
        ["10 MB message"] = log => log.Error(Hostile.Huge()),
        ["10 MB property"] = log => log.Error("Payload {Body} rejected", Hostile.Huge('b')),
        ["10 MB exception message"] = log => log.Error(new InvalidOperationException(Hostile.Huge('e')), "Import failed"),
        ["100,000 properties"] = log => log.ForContext(RawPropertiesEnricher.Many(100_000)).Error("Too many properties"),
        ["1,000 levels of nesting"] = log => log.ForContext(RawPropertiesEnricher.DeeplyNested(1_000)).Error("Deep {Marker}", 1),
        ["destructured deep object"] = log => log.Error("Deep {@Chain}", Hostile.Deep(5_000)),
        ["self-referencing object"] = log => log.Error("Cycle {@Node} {Node2}", Hostile.SelfReferencing(), Hostile.SelfReferencing()),
        ["ToString throws"] = log => log.Error("Bad {Value} {$Stringified} {@Destructured}", new ThrowsOnToString(), new ThrowsOnToString(), new ThrowsOnToString()),
        ["enumeration throws"] = log => log.Error("Bad {Items}", new ThrowsOnEnumerate()),
        ["exception getters throw"] = log => log.Error(new PoisonedException(), "Poisoned {Case}", 1),
        ["exception getters throw, inner too"] = log => log.Error(new AggregateException(new PoisonedException(), new PoisonedException()), "Nested poison"),
        ["null and empty everything"] = log => log.ForContext("Empty", "").ForContext("Null", null).ForContext("", "nameless")
            .ForContext("PagerDutyDedupKey", "").ForContext("PagerDutyAction", "").Error((Exception?)null, "", null, "", null),
        ["lone surrogates"] = log => log.ForContext("SourceContext", Hostile.LoneSurrogates).ForContext("PagerDutyDedupKey", Hostile.LoneSurrogates)
            .Error(new InvalidOperationException(Hostile.LoneSurrogates), Hostile.LoneSurrogates + " {Value}", Hostile.LoneSurrogates),
        ["control characters"] = log => log.ForContext("SourceContext", Hostile.ControlCharacters)
            .Error(new InvalidOperationException(Hostile.ControlCharacters), Hostile.ControlCharacters + " {Value}", Hostile.ControlCharacters),
        ["huge dedup key"] = log => log.ForContext("PagerDutyDedupKey", Hostile.Huge('k')).Error("Explicit key too long"),
    };

    private static readonly Dictionary<string, Action<ILogger>> MelCases = new()
    {
        ["10 MB message"] = log => log.LogError(Hostile.Huge()),
        ["10 MB property"] = log => log.LogError("Payload {Body} rejected", Hostile.Huge('b')),
        ["100,000 properties"] = log => log.Log(LogLevel.Error, default, Hostile.ManyProperties(100_000).ToList(), null, (_, _) => "Too many properties"),
        ["deep object"] = log => log.LogError("Deep {Chain}", Hostile.Deep(5_000)),
        ["self-referencing object"] = log => log.LogError("Cycle {Node}", Hostile.SelfReferencing()),
        ["ToString throws"] = log => log.LogError("Bad {Value}", new ThrowsOnToString()),
        ["enumeration throws"] = log => log.LogError("Bad {Items}", new ThrowsOnEnumerate()),
        ["formatter throws"] = log => log.Log<object?>(LogLevel.Error, default, null, null, (_, _) => throw new InvalidOperationException("formatter refuses")),
        ["exception getters throw"] = log => log.LogError(new PoisonedException(), "Poisoned {Case}", 1),
        ["scope ToString throws"] = log =>
        {
            using (log.BeginScope(new ThrowsOnToString()))
            {
                log.LogError("Inside a bad scope");
            }
        },
        ["null and empty everything"] = log => log.Log<object?>(LogLevel.Error, default, null, null, (_, _) => null!),
        ["empty message"] = log => log.LogError(""),
        ["lone surrogates"] = log => log.LogError(new InvalidOperationException(Hostile.LoneSurrogates), Hostile.LoneSurrogates + " {Value} {PagerDutyDedupKey}", Hostile.LoneSurrogates, Hostile.LoneSurrogates),
        ["control characters"] = log => log.LogError(new InvalidOperationException(Hostile.ControlCharacters), Hostile.ControlCharacters + " {Value}", Hostile.ControlCharacters),
    };

    public static TheoryData<string> SerilogCaseNames => new(SerilogCases.Keys);

    public static TheoryData<string> MelCaseNames => new(MelCases.Keys);

    // The fake clock moves a second per real millisecond while no request is in flight, and building an event from a
    // 10 MB message takes real time on a busy machine: the bound must not expire while the event is still being built.
    private static readonly TimeSpan BuildTimeBound = TimeSpan.FromMinutes(30);

    [Theory]
    [MemberData(nameof(SerilogCaseNames))]
    public async Task Serilog_sink_survives_hostile_input_and_sends_a_valid_event(string name)
    {
        await using var rig = await SerilogRig.StartAsync();

        var escaped = Record.Exception(() => SerilogCases[name](rig.Logger));
        Assert.Null(escaped);
        var result = await rig.FlushAsync(BuildTimeBound);

        Assert.True(result.Completed);
        AssertValidEventsAccepted(rig.Received, name);
        Accounting.AssertNothingLost(rig, 1);
    }

    [Theory]
    [MemberData(nameof(MelCaseNames))]
    public async Task Logging_provider_survives_hostile_input_and_sends_a_valid_event(string name)
    {
        await using var rig = await MelRig.StartAsync();

        var escaped = Record.Exception(() => MelCases[name](rig.Logger));
        Assert.Null(escaped);
        var result = await rig.FlushAsync(BuildTimeBound);

        Assert.True(result.Completed);
        AssertValidEventsAccepted(rig.Received, name);
        Accounting.AssertNothingLost(rig, 1);
    }

    private static void AssertValidEventsAccepted(IReadOnlyList<ReceivedEvent> received, string name)
    {
        var sent = Assert.Single(received);
        Assert.True(sent.Outcome == ReceivedOutcome.Accepted, $"{name}: {sent.StatusCode} {string.Join("; ", sent.Errors)}");
        Assert.Empty(EventContractValidator.ValidateAlertEvent(sent.Body));
        Assert.InRange(sent.BodyBytes, 1, MaxEventBytes);
    }
}
