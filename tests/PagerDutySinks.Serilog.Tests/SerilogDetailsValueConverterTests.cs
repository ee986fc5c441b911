using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PagerDutySinks.Serilog.Tests.Support;
using Serilog.Events;

namespace PagerDutySinks.Serilog.Tests;

public sealed class SerilogDetailsValueConverterTests
{
    private static readonly SerilogDetailsValueConverter Converter = SerilogDetailsValueConverter.Instance;

    private sealed record Customer(string Name, int Tier, string[] Tags);

    private static JsonNode? ConvertProperty(string template, object?[] values, string propertyName, int maxDepth = 10)
    {
        var logEvent = CapturingSink.Capture(logger => logger.Error(template, values));
        Assert.True(Converter.TryConvert(logEvent.Properties[propertyName], maxDepth, out var node));
        return node;
    }

    [Theory]
    [InlineData(42, "42")]
    [InlineData(42L, "42")]
    [InlineData(2.5, "2.5")]
    [InlineData(true, "true")]
    [InlineData("text", "\"text\"")]
    public void Scalars_become_json_scalars_of_the_same_kind(object value, string expectedJson)
    {
        var node = ConvertProperty("{Value}", new[] { value }, "Value");

        Assert.Equal(expectedJson, node!.ToJsonString());
    }

    [Fact]
    public void Null_scalar_becomes_json_null()
    {
        Assert.True(Converter.TryConvert(new ScalarValue(null), 5, out var node));

        Assert.Null(node);
    }

    [Fact]
    public void Values_json_cannot_hold_become_readable_strings()
    {
        var moment = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1));
        var id = Guid.Parse("7a1b1b8e-41d6-4f4e-8a40-7f5d0bde9a31");

        Assert.Equal("NaN", Convert(new ScalarValue(double.NaN)));
        Assert.Equal("2026-01-02T03:04:05.0000000+01:00", Convert(new ScalarValue(moment)));
        Assert.Equal("00:05:00", Convert(new ScalarValue(TimeSpan.FromMinutes(5))));
        Assert.Equal("7a1b1b8e-41d6-4f4e-8a40-7f5d0bde9a31", Convert(new ScalarValue(id)));
        Assert.Equal("Friday", Convert(new ScalarValue(DayOfWeek.Friday)));
        Assert.Equal("AQID", Convert(new ScalarValue(new byte[] { 1, 2, 3 })));

        static string? Convert(LogEventPropertyValue value)
        {
            Assert.True(Converter.TryConvert(value, 5, out var node));
            return node!.GetValue<string>();
        }
    }

    [Fact]
    public void Sequences_become_arrays()
    {
        var node = ConvertProperty("{Tags}", new object[] { new[] { "a", "b" } }, "Tags");

        Assert.Equal("[\"a\",\"b\"]", node!.ToJsonString());
    }

    [Fact]
    public void Destructured_objects_become_objects_with_their_type()
    {
        var node = ConvertProperty("{@Customer}", new object[] { new Customer("Ann", 2, new[] { "vip" }) }, "Customer");

        var customer = Assert.IsType<JsonObject>(node);
        Assert.Equal("Customer", (string?)customer["$type"]);
        Assert.Equal("Ann", (string?)customer["Name"]);
        Assert.Equal(2, (int?)customer["Tier"]);
        Assert.Equal("[\"vip\"]", customer["Tags"]!.ToJsonString());
    }

    [Fact]
    public void Anonymous_structures_have_no_type()
    {
        var node = ConvertProperty("{@Point}", new object[] { new { X = 1, Y = 2 } }, "Point");

        Assert.Equal("{\"X\":1,\"Y\":2}", node!.ToJsonString());
    }

    [Fact]
    public void Dictionaries_become_objects_keyed_by_the_rendered_key()
    {
        var scores = new Dictionary<int, string> { [1] = "one", [20] = "twenty" };

        var node = ConvertProperty("{Scores}", new object[] { scores }, "Scores");

        Assert.Equal("{\"1\":\"one\",\"20\":\"twenty\"}", node!.ToJsonString());
    }

    [Fact]
    public void Nesting_beyond_the_depth_bound_is_cut_to_a_short_rendering()
    {
        var deep = new SequenceValue(new[] { new SequenceValue(new[] { new SequenceValue(new[] { new ScalarValue(1) }) }) });

        Assert.True(Converter.TryConvert(deep, 2, out var node));

        var inner = node!.AsArray()[0]!.AsArray()[0];
        Assert.Equal("[1]", (string?)inner);
    }

    [Fact]
    public void Long_renderings_beyond_the_depth_bound_are_truncated()
    {
        var wide = new SequenceValue(new[] { new StructureValue(new[] { new LogEventProperty("Text", new ScalarValue(new string('x', 1000))) }) });

        Assert.True(Converter.TryConvert(wide, 1, out var node));

        var cut = (string?)node!.AsArray()[0];
        Assert.NotNull(cut);
        Assert.True(cut!.Length < 300, $"length {cut.Length}");
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_structure_property_names_do_not_throw()
    {
        var structure = new StructureValue(new[]
        {
            new LogEventProperty("Name", new ScalarValue("first")),
            new LogEventProperty("Name", new ScalarValue("second")),
        });

        Assert.True(Converter.TryConvert(structure, 5, out var node));

        Assert.Equal("second", (string?)node!["Name"]);
    }

    [Fact]
    public void Values_of_other_libraries_are_left_to_the_default_conversion()
    {
        Assert.False(Converter.TryConvert("plain string", 5, out var node));
        Assert.Null(node);
    }

    [Fact]
    public void Unwrap_returns_the_scalar_inside_and_leaves_other_values()
    {
        var sequence = new SequenceValue(Array.Empty<LogEventPropertyValue>());

        Assert.Equal("disk-full", Converter.Unwrap(new ScalarValue("disk-full")));
        Assert.Same(sequence, Converter.Unwrap(sequence));
        Assert.Null(Converter.Unwrap(null));
    }

    [Fact]
    public void Large_sequences_and_long_strings_are_bounded()
    {
        var many = new SequenceValue(Enumerable.Range(0, 150).Select(i => new ScalarValue(i)));
        var longText = new ScalarValue(new string('x', 20_000));

        Assert.True(Converter.TryConvert(many, 5, out var array));
        Assert.True(Converter.TryConvert(longText, 5, out var text));

        Assert.Equal(101, array!.AsArray().Count);
        Assert.Equal("[truncated]", (string?)array.AsArray()[100]);
        Assert.InRange(((string?)text)!.Length, 8 * 1024, 8 * 1024 + 1);
    }
}
