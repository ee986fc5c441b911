using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PagerDutySinks.Events;
using PagerDutySinks.Fingerprinting;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class DedupKeyTests
{
    [Fact]
    public async Task An_explicit_key_wins_over_the_exception_which_wins_over_the_template()
    {
        await using var h = new PipelineHarness(o => o.DetailsValueConverter = new WrappingConverter());
        var exception = Thrown();

        h.Pipeline.Enqueue(PipelineHarness.Candidate("Explicit {OrderId}", exception: exception, properties: ("PagerDutyDedupKey", new Wrapped("orders/42"))));
        h.Pipeline.Enqueue(PipelineHarness.Candidate("With exception {OrderId}", exception: exception));
        h.Pipeline.Enqueue(PipelineHarness.Candidate("Template only {OrderId}"));
        await h.Sender.WaitForEventsAsync(3);

        var keys = h.Sender.Events.Select(e => e.DedupKey).ToList();
        var exceptionFingerprint = new ExceptionFingerprinter(h.Options.InAppInclude, h.Options.InAppExclude).Compute(exception);
        Assert.Equal("orders/42", keys[0]);
        Assert.Equal(exceptionFingerprint.DedupKey, keys[1]);
        Assert.Equal(TemplateFingerprint.Compute("Template only {OrderId}", "App.Orders").DedupKey, keys[2]);

        // The readable signature travels with fingerprinted alerts.
        Assert.Equal(exceptionFingerprint.Signature, (string)FakeSender.Details(h.Sender.Events[1])["fingerprint"]!);
        Assert.Equal("Template only {OrderId}", (string)FakeSender.Details(h.Sender.Events[2])["fingerprint"]!);
        Assert.False(FakeSender.Details(h.Sender.Events[0]).ContainsKey("PagerDutyDedupKey"));
    }

    [Fact]
    public async Task Template_keys_ignore_rendered_values_and_long_explicit_keys_are_bounded()
    {
        await using var h = new PipelineHarness();
        var a = PipelineHarness.Candidate("Payment {Id} declined");
        a.RenderedMessage = "Payment 1 declined";
        var b = PipelineHarness.Candidate("Payment {Id} declined");
        b.RenderedMessage = "Payment 2 declined";
        var longKey = new string('k', 600);

        h.Pipeline.Enqueue(a);
        h.Pipeline.Enqueue(b);
        h.Pipeline.Enqueue(PipelineHarness.Keyed(longKey));
        await h.Sender.WaitForEventsAsync(2);
        await h.WaitIdleAsync();

        Assert.Equal(2, h.Sender.Events.Count);
        Assert.Equal(1, h.Pipeline.Statistics.Coalesced);
        var bounded = h.Sender.Events[1].DedupKey!;
        Assert.True(bounded.Length <= EventLimits.MaxDedupKeyLength);
        Assert.Equal(EventLimits.BoundDedupKey(longKey), bounded);
    }

    [Fact]
    public async Task A_property_list_that_looks_up_by_name_is_asked_for_the_key_and_action_instead_of_being_scanned()
    {
        await using var h = new PipelineHarness();
        var trigger = PipelineHarness.Candidate("Lookup {OrderId}");
        trigger.Properties = new LookupProperties(
            lookedUp: new() { ["PagerDutyDedupKey"] = "by-lookup" },
            listed: new() { ["PagerDutyDedupKey"] = "by-scan", ["PagerDutyAction"] = "resolve" });

        h.Pipeline.Enqueue(trigger);
        await h.Sender.WaitForEventsAsync(1);
        await h.WaitIdleAsync();

        var sent = Assert.Single(h.Sender.Events);
        Assert.Equal("by-lookup", sent.DedupKey);
        Assert.Equal(EventAction.Trigger, sent.EventAction);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    private sealed record Wrapped(string Value);

    // What a lazy adapter view looks like to the pipeline; here the two answers differ, to tell which one was used.
    private sealed class LookupProperties(Dictionary<string, object?> lookedUp, Dictionary<string, object?> listed)
        : IReadOnlyList<KeyValuePair<string, object?>>, IPropertyLookup
    {
        private readonly List<KeyValuePair<string, object?>> _listed = listed.ToList();

        public int Count => _listed.Count;

        public KeyValuePair<string, object?> this[int index] => _listed[index];

        public bool TryGetProperty(string name, out object? value) => lookedUp.TryGetValue(name, out value);

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _listed.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class WrappingConverter : IDetailsValueConverter
    {
        public bool TryConvert(object value, int maxDepth, out JsonNode? node)
        {
            node = value is Wrapped w ? JsonValue.Create(w.Value) : null;
            return value is Wrapped;
        }

        public object? Unwrap(object? value) => value is Wrapped w ? w.Value : value;
    }
}
