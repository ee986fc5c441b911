using System;
using PagerDutySinks.Events;

namespace PagerDutySinks.Cli.Tests.Connection;

public sealed class ConnectionParsingTests
{
    internal const string Key = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Empty_host_gives_every_default()
    {
        var connection = PagerDutyConnection.Parse("pagerduty:///" + Key);

        Assert.Equal("events.pagerduty.com", connection.Host);
        Assert.Equal(443, connection.Port);
        Assert.Same(PagerDutyEndpoint.UnitedStates, connection.Endpoint);
        Assert.Equal(Key, connection.RoutingKey);
        Assert.Equal(Severity.Error, connection.Severity);
        Assert.Equal("default", connection.Source);
        Assert.False(connection.IsSourceSpecified);
        Assert.Equal(EventAction.Trigger, connection.Action);
        Assert.Null(connection.DedupKey);
        Assert.Null(connection.Details);
        Assert.Empty(connection.Links);
        Assert.Empty(connection.Images);
        Assert.Null(connection.Client);
        Assert.Null(connection.ClientUrl);
    }

    [Theory]
    [InlineData("pagerduty://events.pagerduty.com/" + Key)]
    [InlineData("pagerduty://events.pagerduty.com:443/" + Key)]
    [InlineData("PagerDuty://EVENTS.PagerDuty.com/" + Key + "/")]
    [InlineData("  pagerduty:///" + Key + "?  ")]
    public void Explicit_default_host_is_the_us_service(string url)
    {
        var connection = PagerDutyConnection.Parse(url);

        Assert.Same(PagerDutyEndpoint.UnitedStates, connection.Endpoint);
        Assert.Equal(Key, connection.RoutingKey);
    }

    [Fact]
    public void Eu_host_is_the_eu_service()
    {
        Assert.Same(PagerDutyEndpoint.Europe, PagerDutyConnection.Parse("pagerduty://events.eu.pagerduty.com/" + Key).Endpoint);
    }

    [Fact]
    public void Key_keeps_its_case()
    {
        const string mixed = "737EA619db564d41bd9824063e1f8aU1";
        Assert.Equal(mixed, PagerDutyConnection.Parse("pagerduty:///" + mixed).RoutingKey);
    }

    [Theory]
    [InlineData("pagerduty://localhost:8080/" + Key, "http://localhost:8080/")]
    [InlineData("pagerduty://127.0.0.1:5123/" + Key, "http://127.0.0.1:5123/")]
    [InlineData("pagerduty://127.8.9.10:5123/" + Key, "http://127.8.9.10:5123/")]
    [InlineData("pagerduty://[::1]:5123/" + Key, "http://[::1]:5123/")]
    [InlineData("pagerduty://localhost/" + Key, "http://localhost/")]
    public void Loopback_hosts_are_reached_over_http(string url, string expectedBase)
    {
        var connection = PagerDutyConnection.Parse(url);

        Assert.Equal(new Uri(expectedBase), connection.Endpoint.BaseAddress);
        Assert.True(connection.Endpoint.IsLoopback);
    }

    [Theory]
    [InlineData("pagerduty://alerts.example.com/" + Key, "https://alerts.example.com/", 443)]
    [InlineData("pagerduty://alerts.example.com:8443/" + Key, "https://alerts.example.com:8443/", 8443)]
    [InlineData("pagerduty://10.1.2.3:9000/" + Key, "https://10.1.2.3:9000/", 9000)]
    [InlineData("pagerduty://[2001:db8::5]:9000/" + Key, "https://[2001:db8::5]:9000/", 9000)]
    public void Other_hosts_are_reached_over_https(string url, string expectedBase, int expectedPort)
    {
        var connection = PagerDutyConnection.Parse(url);

        Assert.Equal(new Uri(expectedBase), connection.Endpoint.BaseAddress);
        Assert.Equal(expectedPort, connection.Port);
        Assert.Equal(new Uri(expectedBase + "v2/enqueue"), connection.Endpoint.EnqueueUri);
    }

    [Fact]
    public void Every_query_parameter_is_read()
    {
        var connection = PagerDutyConnection.Parse("pagerduty:///" + Key +
            "?severity=critical&source=web-01&action=resolve&dedup_key=disk%2Ffull&details=%7B%22region%22%3A%22eu%22%7D" +
            "&contexts=link:https://runbook.example.com/disk,image:https://img.example.com/graph.png" +
            "&client=Monitor&client_url=https://monitor.example.com/");

        Assert.Equal(Severity.Critical, connection.Severity);
        Assert.Equal("web-01", connection.Source);
        Assert.True(connection.IsSourceSpecified);
        Assert.Equal(EventAction.Resolve, connection.Action);
        Assert.Equal("disk/full", connection.DedupKey);
        Assert.Equal("eu", (string?)connection.Details!["region"]);
        Assert.Equal("https://runbook.example.com/disk", Assert.Single(connection.Links).Href);
        Assert.Equal("https://img.example.com/graph.png", Assert.Single(connection.Images).Src);
        Assert.Equal("Monitor", connection.Client);
        Assert.Equal("https://monitor.example.com/", connection.ClientUrl);
    }

    [Fact]
    public void Query_keys_are_case_insensitive()
    {
        var connection = PagerDutyConnection.Parse("pagerduty:///" + Key + "?SEVERITY=Warning&Source=db&DEDUP_KEY=k1&Action=ACK&Client_Url=https://x.example.com/");

        Assert.Equal(Severity.Warning, connection.Severity);
        Assert.Equal("db", connection.Source);
        Assert.Equal("k1", connection.DedupKey);
        Assert.Equal(EventAction.Acknowledge, connection.Action);
        Assert.Equal("https://x.example.com/", connection.ClientUrl);
    }

    [Theory]
    [InlineData("my%20app")]
    [InlineData("my+app")]
    public void Values_are_url_decoded(string encoded)
    {
        var connection = PagerDutyConnection.Parse("pagerduty:///" + Key + "?source=" + encoded + "&client=" + encoded);

        Assert.Equal("my app", connection.Source);
        Assert.Equal("my app", connection.Client);
    }

    [Fact]
    public void Severities_parse_by_wire_name()
    {
        foreach (var severity in new[] { Severity.Info, Severity.Warning, Severity.Error, Severity.Critical })
        {
            Assert.Equal(severity, PagerDutyConnection.Parse("pagerduty:///" + Key + "?severity=" + severity.ToWire()).Severity);
        }
    }

    [Fact]
    public void Parse_accepts_a_uri()
    {
        var connection = PagerDutyConnection.Parse(new Uri("pagerduty://127.0.0.1:8080/" + Key + "?source=a%26b"));

        Assert.Equal("a&b", connection.Source);
        Assert.Equal(8080, connection.Port);
    }

    [Fact]
    public void Details_property_is_a_copy()
    {
        var connection = PagerDutyConnection.Parse("pagerduty:///" + Key + "?details={\"a\":1}");

        connection.Details!["a"] = 2;

        Assert.Equal(1, (int)connection.Details!["a"]!);
    }

    [Theory]
    [InlineData("pagerduty://x/" + Key, true)]
    [InlineData(" PAGERDUTY://x/" + Key, true)]
    [InlineData(Key, false)]
    [InlineData("https://events.pagerduty.com", false)]
    [InlineData(null, false)]
    public void IsConnectionUrl_tells_urls_from_bare_keys(string? value, bool expected)
    {
        Assert.Equal(expected, PagerDutyConnection.IsConnectionUrl(value));
    }
}
