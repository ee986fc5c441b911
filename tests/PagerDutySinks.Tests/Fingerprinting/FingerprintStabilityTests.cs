using System;
using System.Collections.Generic;
using System.Linq;
using PagerDutySinks.FingerprintProbe;
using PagerDutySinks.Fingerprinting;

namespace PagerDutySinks.Tests.Fingerprinting;

// Compares the keys the probe prints in separate processes, in Debug and Release builds and under different JIT
// modes, with each other and with keys computed in this process. See docs/fingerprints.md for what is and is not
// stable, and why.
public sealed class FingerprintStabilityTests : IClassFixture<ProbeRuns>
{
    // Bugs whose anchor frame cannot be inlined away: async and iterator state machines, recursion, a NoInlining
    // guard, a [DoesNotReturn] throw helper. Their keys must agree in every process, build and JIT mode.
    private static readonly string[] InliningProofBugs =
    {
        "guard-noinlining", "throw-helper", "async", "async-wait", "async-throw", "async-before-await", "async-lambda",
        "iterator", "recursion-3", "recursion-7", "aggregate",
    };

    private readonly ProbeRuns _runs;

    public FingerprintStabilityTests(ProbeRuns runs) => _runs = runs;

    private static IEnumerable<string> AllModes => ProbeRuns.NonInliningModes.Concat(ProbeRuns.InliningModes);

    [Fact]
    public void Every_mode_prints_a_well_formed_key_for_every_bug()
    {
        foreach (var mode in AllModes)
        {
            var keys = _runs.Keys[mode];
            Assert.Equal(SampleBugs.All.Select(b => b.Name).OrderBy(n => n), keys.Keys.OrderBy(n => n));
            Assert.All(keys.Values.SelectMany(k => k), FingerprintAssert.WellFormedExceptionKey);
        }
    }

    [Fact]
    public void Inlining_proof_bugs_have_one_key_across_processes_builds_and_jit_modes()
    {
        var fingerprinter = new ExceptionFingerprinter();
        foreach (var bug in InliningProofBugs)
        {
            var inProcess = fingerprinter.Compute(SampleBugs.All.Single(b => b.Name == bug).Capture()).DedupKey;
            foreach (var mode in AllModes)
            {
                Assert.True(
                    _runs.Keys[mode][bug].SequenceEqual(new[] { inProcess }),
                    $"{bug} in {mode}: {string.Join(" ; ", _runs.Keys[mode][bug])}, in-process: {inProcess}");
            }
        }
    }

    [Fact]
    public void Full_optimization_really_inlines_some_sample_bugs()
    {
        // Guards the tests above against comparing modes that all behave alike: with full optimization the JIT
        // inlines at least one small throwing method, which moves its key (the documented unstable shape).
        var release = _runs.Keys["release"];
        var fullOpts = _runs.Keys["release-full-opts"];

        Assert.Contains(release.Keys, bug => !release[bug].SequenceEqual(fullOpts[bug]));
    }

    [Fact]
    public void Without_inlining_every_bug_has_one_key_in_debug_and_release_builds()
    {
        var reference = _runs.Keys[ProbeRuns.NonInliningModes[0]];
        foreach (var mode in ProbeRuns.NonInliningModes.Skip(1))
        {
            foreach (var (bug, keys) in reference)
            {
                Assert.True(
                    keys.SequenceEqual(_runs.Keys[mode][bug]),
                    $"{bug}: {string.Join(" ; ", keys)} in {ProbeRuns.NonInliningModes[0]}, {string.Join(" ; ", _runs.Keys[mode][bug])} in {mode}");
            }
        }
    }

    [Fact]
    public void Exception_type_part_never_depends_on_the_jit()
    {
        var reference = _runs.Keys[ProbeRuns.NonInliningModes[0]];
        foreach (var mode in AllModes)
        {
            foreach (var (bug, keys) in _runs.Keys[mode])
            {
                Assert.All(keys, key => Assert.Equal(FingerprintAssert.TypePart(reference[bug][0]), FingerprintAssert.TypePart(key)));
            }
        }
    }

    [Fact]
    public void Distinct_inlining_proof_sites_stay_distinct_in_every_mode()
    {
        var distinctSites = new[] { "guard-noinlining", "throw-helper", "async", "async-throw", "async-before-await", "async-lambda", "iterator", "recursion-3" };
        foreach (var mode in AllModes)
        {
            var keys = distinctSites.Select(bug => _runs.Keys[mode][bug][0]).ToList();
            Assert.True(keys.Distinct().Count() == keys.Count, $"{mode}: {string.Join(" ; ", keys)}");
        }
    }

    [Fact]
    public void Same_bug_and_generic_instantiations_share_a_key_without_inlining()
    {
        foreach (var mode in ProbeRuns.NonInliningModes)
        {
            var keys = _runs.Keys[mode];
            Assert.Equal(keys["sync"], keys["sync-again"]);
            Assert.Equal(keys["generic-int"], keys["generic-string"]);
            Assert.Equal(keys["generic-method-int"], keys["generic-method-string"]);
            Assert.NotEqual(keys["sync"], keys["sync-other-site"]);
        }
    }
}
