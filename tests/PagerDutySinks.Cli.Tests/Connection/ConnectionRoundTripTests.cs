using System;
using System.Text.Json.Nodes;

namespace PagerDutySinks.Cli.Tests.Connection;

public sealed class ConnectionRoundTripTests
{
    private const string Key = ConnectionParsingTests.Key;

    [Theory]
    [InlineData("pagerduty:///" + Key)]
    [InlineData("pagerduty://127.0.0.1:5123/" + Key + "?severity=info&source=my+app&action=resolve&dedup_key=a%26b%3Dc")]
    [InlineData("pagerduty://[::1]:5123/" + Key + "?details=%7B%22a%22%3A%5B1%2C%22x%20y%22%5D%7D&client=Mon&client_url=https://m.example.com/?q=1%26r=2")]
    [InlineData("pagerduty://alerts.example.com:8443/" + Key + "?contexts=link:https://a.example.com/,image:https://b.example.com/i.png")]
    [InlineData("pagerduty://events.eu.pagerduty.com/" + Key + "?contexts=" +
                "%5B%7B%22type%22%3A%22link%22%2C%22href%22%3A%22https%3A%2F%2Fa.example.com%2F%22%2C%22text%22%3A%22Run%20book%22%7D%5D")]
    public void ToUri_with_the_key_parses_back_to_the_same_connection(string url)
    {
        var original = PagerDutyConnection.Parse(url);

        var uri = original.ToUri(includeKey: true);
        var copy = PagerDutyConnection.Parse(uri);

        Assert.Equal("pagerduty", uri.Scheme);
        AssertSame(original, copy);
        Assert.Equal(uri.OriginalString, copy.ToUri(includeKey: true).OriginalString);
    }

    [Fact]
    public void ToString_masks_the_key()
    {
        var connection = PagerDutyConnection.Parse("pagerduty://127.0.0.1:5123/" + Key + "?severity=critical&source=web");

        var text = connection.ToString();

        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.Contains(RoutingKey.Mask(Key), text, StringComparison.Ordinal);
        Assert.StartsWith("pagerduty://127.0.0.1:5123/", text, StringComparison.Ordinal);
        Assert.EndsWith("?severity=critical&source=web", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, connection.ToUri().OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_values_are_left_out()
    {
        Assert.Equal("pagerduty://events.pagerduty.com/" + Key, PagerDutyConnection.Parse("pagerduty:///" + Key + "?severity=error&action=trigger").ToUri(true).OriginalString);
    }

    private static void AssertSame(PagerDutyConnection expected, PagerDutyConnection actual)
    {
        Assert.Equal(expected.Host, actual.Host);
        Assert.Equal(expected.Port, actual.Port);
        Assert.Equal(expected.Endpoint.BaseAddress, actual.Endpoint.BaseAddress);
        Assert.Equal(expected.RoutingKey, actual.RoutingKey);
        Assert.Equal(expected.Severity, actual.Severity);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.IsSourceSpecified, actual.IsSourceSpecified);
        Assert.Equal(expected.Action, actual.Action);
        Assert.Equal(expected.DedupKey, actual.DedupKey);
        Assert.True(JsonNode.DeepEquals(expected.Details, actual.Details));
        Assert.Equal(expected.Links.Select(l => (l.Href, l.Text)), actual.Links.Select(l => (l.Href, l.Text)));
        Assert.Equal(expected.Images.Select(i => (i.Src, i.Href, i.Alt)), actual.Images.Select(i => (i.Src, i.Href, i.Alt)));
        Assert.Equal(expected.Client, actual.Client);
        Assert.Equal(expected.ClientUrl, actual.ClientUrl);
    }
}
