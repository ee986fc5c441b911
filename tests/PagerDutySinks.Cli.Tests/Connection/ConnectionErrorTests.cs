using System;

namespace PagerDutySinks.Cli.Tests.Connection;

public sealed class ConnectionErrorTests
{
    private const string Key = ConnectionParsingTests.Key;

    [Theory]
    [InlineData("", "empty")]
    [InlineData("https://events.pagerduty.com/" + Key, "scheme")]
    [InlineData("pagerduty://", "integration key")]
    [InlineData("pagerduty:///", "integration key")]
    [InlineData("pagerduty://" + Key, "three slashes")]
    [InlineData("pagerduty://host.example.com/a/" + Key, "integration key")]
    [InlineData("pagerduty:///0123456789abcdef", "integration key")]
    [InlineData("pagerduty:///0123456789abcdef0123456789abcdef0", "integration key")]
    [InlineData("pagerduty:///0123456789abcdef%200123456789abcde", "integration key")]
    [InlineData("pagerduty://" + Key + "@events.pagerduty.com/" + Key, "user information")]
    [InlineData("pagerduty://host:0/" + Key, "port '0'")]
    [InlineData("pagerduty://host:65536/" + Key, "port '65536'")]
    [InlineData("pagerduty://host:abc/" + Key, "port 'abc'")]
    [InlineData("pagerduty://host:/" + Key, "port")]
    [InlineData("pagerduty://:8080/" + Key, "host")]
    [InlineData("pagerduty://bad_host!/" + Key, "host")]
    [InlineData("pagerduty://::1:8080/" + Key, "brackets")]
    [InlineData("pagerduty://[::1/" + Key, "host")]
    [InlineData("pagerduty://[zz::1]:80/" + Key, "IPv6")]
    [InlineData("pagerduty:///" + Key + "#frag", "fragment")]
    [InlineData("pagerduty:///" + Key + "?colour=red", "unknown parameter 'colour'")]
    [InlineData("pagerduty:///" + Key + "?severity=fatal", "severity: 'fatal'")]
    [InlineData("pagerduty:///" + Key + "?severity=", "severity: the parameter has no value")]
    [InlineData("pagerduty:///" + Key + "?action=close", "action: 'close'")]
    [InlineData("pagerduty:///" + Key + "?source=a&SOURCE=b", "source: the parameter is given more than once")]
    [InlineData("pagerduty:///" + Key + "?details=[1,2]", "details: must be a JSON object")]
    [InlineData("pagerduty:///" + Key + "?details=42", "details: must be a JSON object")]
    [InlineData("pagerduty:///" + Key + "?details={oops", "details: not valid JSON")]
    [InlineData("pagerduty:///" + Key + "?client_url=not-a-url", "client_url")]
    public void Errors_name_the_part_at_fault_and_never_show_the_key(string url, string expectedPart)
    {
        Assert.False(PagerDutyConnection.TryParse(url, out var connection, out var error));
        Assert.Null(connection);
        Assert.Contains(expectedPart, error, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error, StringComparison.Ordinal);

        var exception = Assert.Throws<FormatException>(() => PagerDutyConnection.Parse(url));
        Assert.Equal(error, exception.Message);
    }

    [Fact]
    public void Long_dedup_key_is_refused()
    {
        Assert.False(PagerDutyConnection.TryParse("pagerduty:///" + Key + "?dedup_key=" + new string('d', 256), out _, out var error));
        Assert.StartsWith("dedup_key:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Misplaced_key_in_the_port_is_not_echoed()
    {
        Assert.False(PagerDutyConnection.TryParse("pagerduty://host:" + Key, out _, out var error));
        Assert.StartsWith("port", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.False(PagerDutyConnection.TryParse(null, out _, out var error));
        Assert.NotNull(error);
    }
}
