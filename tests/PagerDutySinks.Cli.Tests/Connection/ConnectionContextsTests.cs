using System;

namespace PagerDutySinks.Cli.Tests.Connection;

public sealed class ConnectionContextsTests
{
    private const string Key = ConnectionParsingTests.Key;

    private static PagerDutyConnection WithContexts(string contexts) =>
        PagerDutyConnection.Parse("pagerduty:///" + Key + "?contexts=" + Uri.EscapeDataString(contexts));

    [Fact]
    public void Json_form_reads_links_and_images_with_every_field()
    {
        var connection = WithContexts(
            "[{\"type\":\"link\",\"href\":\"https://runbook.example.com/\",\"text\":\"Runbook\"}," +
            "{\"type\":\"image\",\"src\":\"https://img.example.com/a.png\",\"href\":\"https://grafana.example.com/\",\"alt\":\"Latency\"}," +
            "{\"type\":\"LINK\",\"href\":\"http://wiki.example.com/x,y\"}]");

        Assert.Collection(connection.Links,
            link => { Assert.Equal("https://runbook.example.com/", link.Href); Assert.Equal("Runbook", link.Text); },
            link => { Assert.Equal("http://wiki.example.com/x,y", link.Href); Assert.Null(link.Text); });
        var image = Assert.Single(connection.Images);
        Assert.Equal("https://img.example.com/a.png", image.Src);
        Assert.Equal("https://grafana.example.com/", image.Href);
        Assert.Equal("Latency", image.Alt);
    }

    [Fact]
    public void Comma_form_reads_links_and_images()
    {
        var connection = WithContexts("link:https://a.example.com/1, image:https://b.example.com/2.png ,Link:http://c.example.com/3");

        Assert.Equal(new[] { "https://a.example.com/1", "http://c.example.com/3" }, connection.Links.Select(l => l.Href));
        Assert.Equal("https://b.example.com/2.png", Assert.Single(connection.Images).Src);
    }

    [Theory]
    [InlineData("video:https://a.example.com/", "contexts item 1: unknown type 'video'")]
    [InlineData("link:https://a.example.com/,link:", "contexts item 2: a link needs an href")]
    [InlineData("image:", "contexts item 1: an image needs a src")]
    [InlineData("https://a.example.com/", "contexts item 1: unknown type 'https'")]
    [InlineData("nothing", "contexts item 1: expected link:URL or image:URL")]
    [InlineData("image:http://insecure.example.com/a.png", "contexts item 1: the image src must be an absolute https URL")]
    [InlineData("link:ftp://files.example.com/", "contexts item 1: the link href is not an absolute http or https URL")]
    [InlineData("[{\"type\":\"audio\",\"src\":\"https://a.example.com/\"}]", "contexts[0]: unknown type 'audio'")]
    [InlineData("[{\"type\":\"link\",\"text\":\"no href\"}]", "contexts[0]: a link needs an href")]
    [InlineData("[{\"type\":\"image\",\"href\":\"https://a.example.com/\"}]", "contexts[0]: an image needs a src")]
    [InlineData("[{\"href\":\"https://a.example.com/\"}]", "contexts[0]: the \"type\" property")]
    [InlineData("[{\"type\":\"link\",\"href\":5}]", "contexts[0]: \"href\" must be a string")]
    [InlineData("[\"link\"]", "contexts[0]: must be a JSON object")]
    [InlineData("[{\"type\":", "contexts: not valid JSON")]
    public void Contexts_errors_are_clear(string contexts, string expected)
    {
        Assert.False(PagerDutyConnection.TryParse("pagerduty:///" + Key + "?contexts=" + Uri.EscapeDataString(contexts), out _, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}
