using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace PagerDutySinks.Extensions.Logging.Tests;

public sealed class PropertyCollectorTests
{
    [Fact]
    public void Event_properties_win_over_scopes_and_inner_scopes_over_outer_ones()
    {
        var scopes = new LoggerExternalScopeProvider();
        using var outer = scopes.Push(new Dictionary<string, object?> { ["PagerDutyDedupKey"] = "outer", ["Tenant"] = "acme", ["Region"] = "eu" });
        using var inner = scopes.Push(new Dictionary<string, object?> { ["PagerDutyDedupKey"] = "inner", ["Region"] = "us" });
        var collector = new LogPropertyCollector();

        collector.AddState(new List<KeyValuePair<string, object?>> { new("Tenant", "globex"), new("{OriginalFormat}", "Tenant {Tenant}") });
        collector.AddEventId(new EventId(5, "Named"));
        collector.AddScopes(scopes);
        var properties = collector.ToProperties().ToDictionary(pair => pair.Key, pair => pair.Value);

        Assert.Equal("Tenant {Tenant}", collector.MessageTemplate);
        Assert.False(properties.ContainsKey("{OriginalFormat}"));
        Assert.Equal("globex", properties["Tenant"]);
        Assert.Equal("inner", properties["PagerDutyDedupKey"]);
        Assert.Equal("us", properties["Region"]);
        Assert.Equal(5, properties["EventId"]);
        Assert.Equal("Named", properties["EventName"]);
        Assert.False(properties.ContainsKey("Scope"));
    }

    [Fact]
    public void Text_and_template_scopes_are_listed_in_order_under_Scope_with_their_values_as_properties()
    {
        var scopes = new LoggerExternalScopeProvider();
        var logger = new ScopePushingLogger(scopes);
        using var first = scopes.Push("first");
        using var second = logger.BeginScope("Batch {BatchId}", 9);
        using var third = scopes.Push(new Dictionary<string, string?> { ["Shard"] = "7" });
        var collector = new LogPropertyCollector();

        collector.AddScopes(scopes);
        var properties = collector.ToProperties().ToDictionary(pair => pair.Key, pair => pair.Value);

        Assert.Equal(new[] { "first", "Batch 9" }, properties["Scope"]);
        Assert.Equal(9, properties["BatchId"]);
        Assert.Equal("7", properties["Shard"]);
        Assert.Null(collector.MessageTemplate);
    }

    /// <summary>Lets the framework build template scopes (FormattedLogValues) the way an application's logger would.</summary>
    private sealed class ScopePushingLogger(IExternalScopeProvider scopes) : ILogger
    {
        public System.IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, System.Exception? exception, System.Func<TState, System.Exception?, string> formatter)
        {
        }
    }
}
