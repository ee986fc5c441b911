using System;
using System.Collections;
using System.Collections.Generic;
using Serilog.Core;
using Serilog.Events;

namespace PagerDutySinks.Reliability.Tests.Support;

/// <summary>Values that break naive code: throwing getters, cycles, depth, size.</summary>
internal static class Hostile
{
    public const int TenMegabytes = 10 * 1024 * 1024;

    public static string Huge(char c = 'x') => new(c, TenMegabytes);

    public const string LoneSurrogates = "broken \uD800 pair \uDC00 here \uDBFF";

    public const string ControlCharacters = "nul\0 bell\u0007 esc\u001b[31m red\u001b[0m cr\r lf\n tab\t del\u007f c1\u0085 rtl\u202e";

    public static Node SelfReferencing()
    {
        var node = new Node { Name = "loop" };
        node.Next = node;
        node.Children.Add(node);
        return node;
    }

    public static Node Deep(int depth)
    {
        var root = new Node { Name = "0" };
        var current = root;
        for (var i = 1; i < depth; i++)
        {
            current.Next = new Node { Name = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            current = current.Next;
        }

        return root;
    }

    public static IEnumerable<KeyValuePair<string, object?>> ManyProperties(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new KeyValuePair<string, object?>("Prop" + i, i);
        }
    }
}

internal sealed class Node
{
    public string? Name { get; set; }

    public Node? Next { get; set; }

    public List<Node> Children { get; } = new();

    public override string ToString() => "Node " + Name;
}

/// <summary>A value whose every string conversion throws.</summary>
internal sealed class ThrowsOnToString
{
    public string Visible => throw new InvalidOperationException("property getter refuses");

    public override string ToString() => throw new InvalidOperationException("ToString refuses");
}

/// <summary>An exception whose Message, StackTrace, Data, Source and ToString all throw.</summary>
internal sealed class PoisonedException : Exception
{
    public override string Message => throw new InvalidOperationException("Message refuses");

    public override string? StackTrace => throw new InvalidOperationException("StackTrace refuses");

    public override IDictionary Data => throw new InvalidOperationException("Data refuses");

    public override string? Source
    {
        get => throw new InvalidOperationException("Source refuses");
        set => throw new InvalidOperationException("Source refuses");
    }

    public override string ToString() => throw new InvalidOperationException("ToString refuses");
}

/// <summary>A collection that throws while being enumerated.</summary>
internal sealed class ThrowsOnEnumerate : IEnumerable<int>
{
    public IEnumerator<int> GetEnumerator()
    {
        yield return 1;
        throw new InvalidOperationException("enumeration refuses");
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Adds properties a logger would never produce on its own: many, nested very deep, or with hostile names.</summary>
internal sealed class RawPropertiesEnricher(IEnumerable<LogEventProperty> properties) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var property in properties)
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    public static RawPropertiesEnricher Many(int count)
    {
        var list = new List<LogEventProperty>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(new LogEventProperty("Prop" + i, new ScalarValue(i)));
        }

        return new RawPropertiesEnricher(list);
    }

    public static RawPropertiesEnricher DeeplyNested(int depth)
    {
        LogEventPropertyValue value = new ScalarValue("bottom");
        for (var i = 0; i < depth; i++)
        {
            value = new StructureValue(new[] { new LogEventProperty("Inner", value) }, "Level" + i);
        }

        return new RawPropertiesEnricher(new[] { new LogEventProperty("Deep", value) });
    }
}
