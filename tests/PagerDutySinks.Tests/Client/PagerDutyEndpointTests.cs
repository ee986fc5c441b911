using System;

namespace PagerDutySinks.Tests.Client;

public class PagerDutyEndpointTests
{
    [Theory]
    [InlineData("us")]
    [InlineData("US")]
    [InlineData(" Us ")]
    public void Us_is_the_us_service(string value)
    {
        var endpoint = PagerDutyEndpoint.Parse(value);
        Assert.Same(PagerDutyEndpoint.UnitedStates, endpoint);
        Assert.Equal("https://events.pagerduty.com/v2/enqueue", endpoint.EnqueueUri.ToString());
        Assert.Equal("https://events.pagerduty.com/v2/change/enqueue", endpoint.ChangeEnqueueUri.ToString());
    }

    [Theory]
    [InlineData("eu")]
    [InlineData("EU")]
    public void Eu_is_the_eu_service(string value)
    {
        var endpoint = PagerDutyEndpoint.Parse(value);
        Assert.Same(PagerDutyEndpoint.Europe, endpoint);
        Assert.Equal("https://events.eu.pagerduty.com/v2/enqueue", endpoint.EnqueueUri.ToString());
        Assert.Equal("https://events.eu.pagerduty.com/v2/change/enqueue", endpoint.ChangeEnqueueUri.ToString());
    }

    [Fact]
    public void Default_options_send_to_the_us_service() =>
        Assert.Equal("https://events.pagerduty.com/v2/enqueue", new PagerDutyClientOptions().Endpoint.EnqueueUri.ToString());

    [Theory]
    [InlineData("https://pd-proxy.example.com", "https://pd-proxy.example.com/v2/enqueue")]
    [InlineData("https://pd-proxy.example.com/pagerduty", "https://pd-proxy.example.com/pagerduty/v2/enqueue")]
    [InlineData("https://pd-proxy.example.com/pagerduty/", "https://pd-proxy.example.com/pagerduty/v2/enqueue")]
    [InlineData("https://events.pagerduty.com/v2/enqueue", "https://events.pagerduty.com/v2/enqueue")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/v2/enqueue")]
    [InlineData("http://localhost:8080/", "http://localhost:8080/v2/enqueue")]
    [InlineData("http://[::1]:8080", "http://[::1]:8080/v2/enqueue")]
    public void Custom_urls_are_normalized_to_a_base_address(string value, string enqueue)
    {
        var endpoint = PagerDutyEndpoint.Parse(value);
        Assert.Equal(enqueue, endpoint.EnqueueUri.ToString());
        Assert.EndsWith("/", endpoint.BaseAddress.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Loopback_is_detected()
    {
        Assert.True(PagerDutyEndpoint.Parse("http://127.0.0.1:9").IsLoopback);
        Assert.False(PagerDutyEndpoint.UnitedStates.IsLoopback);
    }

    [Fact]
    public void Plain_http_to_another_host_is_rejected_unless_allowed()
    {
        var error = Assert.Throws<ArgumentException>(() => PagerDutyEndpoint.Parse("http://pd-proxy.internal", settingName: "PagerDuty:Endpoint"));
        Assert.Equal("PagerDuty:Endpoint", error.ParamName);
        Assert.Contains("plain http", error.Message, StringComparison.Ordinal);

        var allowed = PagerDutyEndpoint.Parse("http://pd-proxy.internal", allowInsecureHttp: true);
        Assert.Equal("http://pd-proxy.internal/v2/enqueue", allowed.EnqueueUri.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("europe")]
    [InlineData("events.pagerduty.com")]
    [InlineData("/v2/enqueue")]
    [InlineData("ftp://events.pagerduty.com")]
    [InlineData("https://")]
    [InlineData("https://events.pagerduty.com/?x=1")]
    [InlineData("not a url at all")]
    public void Anything_else_is_rejected_with_what_is_accepted(string? value)
    {
        var error = Assert.Throws<ArgumentException>(() => PagerDutyEndpoint.Parse(value, settingName: "endpoint"));
        Assert.Equal("endpoint", error.ParamName);
        Assert.Contains("endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("'us', 'eu'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_validates_like_parse()
    {
        Assert.Equal("https://x.example/v2/enqueue", PagerDutyEndpoint.Custom(new Uri("https://x.example")).EnqueueUri.ToString());
        Assert.Throws<ArgumentException>(() => PagerDutyEndpoint.Custom(new Uri("http://x.example")));
        Assert.Equal("http://x.example/v2/enqueue", PagerDutyEndpoint.Custom(new Uri("http://x.example"), allowInsecureHttp: true).EnqueueUri.ToString());
        Assert.Throws<ArgumentException>(() => PagerDutyEndpoint.Custom(new Uri("relative/path", UriKind.Relative)));
        Assert.Throws<ArgumentNullException>(() => PagerDutyEndpoint.Custom(null!));
    }
}
