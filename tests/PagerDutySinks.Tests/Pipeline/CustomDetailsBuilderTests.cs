using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class CustomDetailsBuilderTests
{
    private static CustomDetailsBuilder Builder(IDetailsValueConverter? converter = null)
    {
        var options = new AlertPipelineOptions();
        options.ExcludedProperties.Add("Internal");
        return new CustomDetailsBuilder(options.RedactedProperties, options.ExcludedProperties, new[] { "PagerDutyDedupKey", "PagerDutyAction" }, converter);
    }

    private static JsonObject Build(params (string Name, object? Value)[] properties) =>
        Builder().Build(properties.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)).ToList(), out _);

    private enum Color
    {
        Red,
    }

    [Fact]
    public void Scalars_keep_their_json_types()
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var details = Build(("s", "text"), ("i", 42), ("l", 1L << 40), ("d", 1.5), ("m", 2.25m), ("b", true), ("g", id), ("t", at),
            ("e", Color.Red), ("n", null), ("nan", double.NaN), ("span", TimeSpan.FromSeconds(90)), ("c", 'x'));

        Assert.Equal("text", (string)details["s"]!);
        Assert.Equal(42, (int)details["i"]!);
        Assert.Equal(1L << 40, (long)details["l"]!);
        Assert.Equal(1.5, (double)details["d"]!);
        Assert.Equal(2.25m, (decimal)details["m"]!);
        Assert.True((bool)details["b"]!);
        Assert.Equal(id, details["g"]!.GetValue<Guid>());
        Assert.Equal(at, details["t"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Red", (string)details["e"]!);
        Assert.Null(details["n"]);
        Assert.True(details.ContainsKey("n"));
        Assert.Equal("NaN", (string)details["nan"]!);
        Assert.Equal("00:01:30", (string)details["span"]!);
        Assert.Equal("x", (string)details["c"]!);
    }

    [Fact]
    public void Collections_become_arrays_and_objects_with_bounded_size_and_depth()
    {
        var nested = new Dictionary<string, object?> { ["level"] = new Dictionary<string, object?> { ["deeper"] = new List<object?> { new List<object?> { new List<object?> { new List<object?> { "bottom" } } } } } };
        var details = Build(("list", new[] { 1, 2, 3 }), ("map", new Dictionary<string, int> { ["a"] = 1 }), ("many", Enumerable.Range(0, 500).ToList()),
            ("nested", nested), ("long", new string('x', 20_000)), ("obj", new Uri("https://example.com/a")));

        Assert.Equal(new[] { 1, 2, 3 }, details["list"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(1, (int)details["map"]!["a"]!);
        Assert.Equal(CustomDetailsBuilder.MaxArrayItems + 1, details["many"]!.AsArray().Count);
        Assert.Equal("[truncated]", (string)details["many"]!.AsArray()[^1]!);
        Assert.True(((string)details["long"]!).Length <= CustomDetailsBuilder.MaxStringLength);
        Assert.Equal("https://example.com/a", (string)details["obj"]!);
        var json = details.ToJsonString();
        Assert.DoesNotContain("bottom", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Self_references_throwing_ToString_and_invalid_text_are_safe()
    {
        var loop = new List<object?>();
        loop.Add(loop);
        loop.Add(loop);
        var details = Build(("loop", loop), ("bad", new ThrowingToString()), ("lone", "a\uD800b"), ("ctl", "x\u0001\u001by"), ("pair", "😀"));

        var json = JsonSerializer.Serialize(details, PagerDutySinks.Events.PagerDutyJsonContext.Default.JsonObject);
        Assert.Contains("[circular]", json, StringComparison.Ordinal);
        Assert.Equal("[unreadable: NotSupportedException]", (string)details["bad"]!);
        Assert.Equal("a\uFFFDb", (string)details["lone"]!);
        Assert.Equal("x\u0001\u001by", (string)JsonNode.Parse(json)!["ctl"]!);
        Assert.Equal("😀", (string)details["pair"]!);
    }

    [Fact]
    public void A_huge_self_similar_structure_stays_within_the_total_budget()
    {
        var wide = Enumerable.Range(0, 100).Select(_ => (object?)Enumerable.Range(0, 100).Select(i => new string('y', 500)).ToList()).ToList();
        var details = Build(("wide", wide), ("after", "x"));

        var json = details.ToJsonString();
        Assert.True(json.Length < CustomDetailsBuilder.MaxTotalChars + 64 * 1024, json.Length + " chars");
    }

    [Fact]
    public void Secrets_are_redacted_excluded_and_special_properties_left_out()
    {
        var details = Build(("Password", "hunter2"), ("api_key", "k"), ("Internal", "x"), ("PagerDutyDedupKey", "d"), ("PagerDutyAction", "resolve"),
            ("{OriginalFormat}", "t"), ("nested", new Dictionary<string, object?> { ["token"] = "abc", ["ok"] = 1 }), ("user", "ann"));

        Assert.Equal("[redacted]", (string)details["Password"]!);
        Assert.Equal("[redacted]", (string)details["api_key"]!);
        Assert.Equal("[redacted]", (string)details["nested"]!["token"]!);
        Assert.Equal(1, (int)details["nested"]!["ok"]!);
        Assert.Equal("ann", (string)details["user"]!);
        Assert.False(details.ContainsKey("Internal"));
        Assert.False(details.ContainsKey("PagerDutyDedupKey"));
        Assert.False(details.ContainsKey("PagerDutyAction"));
        Assert.False(details.ContainsKey("{OriginalFormat}"));
    }

    [Fact]
    public void Adapter_values_go_through_the_converter()
    {
        var builder = Builder(new UpperConverter());
        var details = builder.Build(new List<KeyValuePair<string, object?>> { new("x", new Shout("hi")), new("y", 3) }, out var problem);

        Assert.Null(problem);
        Assert.Equal("HI", (string)details["x"]!);
        Assert.Equal(3, (int)details["y"]!);
    }

    private sealed class ThrowingToString
    {
        public override string ToString() => throw new NotSupportedException();
    }

    private sealed record Shout(string Text);

    private sealed class UpperConverter : IDetailsValueConverter
    {
        public bool TryConvert(object value, int maxDepth, out JsonNode? node)
        {
            node = value is Shout s ? JsonValue.Create(s.Text.ToUpperInvariant()) : null;
            return node is not null;
        }

        public object? Unwrap(object? value) => value;
    }
}
