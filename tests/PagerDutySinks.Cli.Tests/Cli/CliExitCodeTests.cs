using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Cli.Tests.Cli;

public sealed class CliExitCodeTests : IClassFixture<EmulatorFixture>
{
    private readonly PagerDutyEmulator _emulator;

    public CliExitCodeTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Reset();
    }

    private string Url(string query = "") => CliRun.UrlFor(_emulator.BaseAddress, query);

    [Theory]
    [InlineData("pagerduty:///short-key", "--url: integration key")]
    [InlineData("https://events.pagerduty.com/", "--url: scheme")]
    [InlineData("pagerduty://127.0.0.1:99999/" + CliRun.Key, "--url: port '99999'")]
    [InlineData("pagerduty:///" + CliRun.Key + "?severity=fatal", "--url: severity: 'fatal'")]
    public async Task Bad_url_exits_2_naming_the_part(string url, string expected)
    {
        var run = await CliRun.RunAsync("send", "-u", url, "-m", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: " + expected, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_emulator.Events);
    }

    [Theory]
    [InlineData("--severity fatal", "--severity: 'fatal'")]
    [InlineData("--action close", "--action: 'close'")]
    [InlineData("--details [1]", "--details: must be a JSON object")]
    [InlineData("--details {x", "--details: not valid JSON")]
    [InlineData("--link not-a-url", "--link: 'not-a-url'")]
    [InlineData("--image http://insecure.example.com/a.png", "--image:")]
    [InlineData("--timeout 0", "--timeout:")]
    [InlineData("--retries -1", "--retries:")]
    [InlineData("--timeout soon", "soon")]
    [InlineData("--bogus", "--bogus")]
    public async Task Bad_option_exits_2(string option, string expected)
    {
        var args = new List<string> { "send", "-u", Url(), "-m", "x" };
        args.AddRange(option.Split(' '));

        var run = await CliRun.RunAsync(args.ToArray());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_emulator.Events);
    }

    [Theory]
    [InlineData("send -u URL", "--message")]
    [InlineData("ack -u URL", "--dedup-key")]
    [InlineData("resolve -u URL --dedup-key  ", "--dedup-key: must not be empty")]
    [InlineData("change -u URL", "--message")]
    [InlineData("send -m x", "PAGERDUTY_URL")]
    [InlineData("", "command")]
    [InlineData("page", "page")]
    public async Task Missing_input_exits_2(string commandLine, string expected)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a == "URL" ? Url() : a).ToList();
        if (commandLine.EndsWith("  ", StringComparison.Ordinal))
        {
            args.Add(" ");
        }

        var run = await CliRun.RunAsync(args.ToArray());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_event_exits_3_with_the_reasons()
    {
        _emulator.Faults.FailNext(1, 400,
            "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"'payload.summary' is missing\"]}");

        var run = await CliRun.RunAsync("send", "-u", Url(), "-m", "x");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("rejected", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Event object is invalid", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("- 'payload.summary' is missing", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    // The total time must leave room for a first attempt on a cold process (JIT, first connection), so that the error
    // given up on is the server's 503 and not the budget running out before any answer.
    [Theory]
    [InlineData("--retries", "0")]
    [InlineData("--timeout", "2")]
    public async Task Server_errors_beyond_the_retry_budget_exit_4(string option, string value)
    {
        _emulator.Faults.FailNext(50, 503);

        var run = await CliRun.RunAsync("send", "-u", Url(), "-m", "x", option, value);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("could not deliver", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("503", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_beyond_the_retries_exits_4()
    {
        _emulator.Faults.FailNext(3, 429);

        var run = await CliRun.RunAsync("resolve", "-u", Url(), "--dedup-key", "k", "--retries", "0");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("throttled", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_host_exits_4_within_a_tiny_timeout()
    {
        var closedPort = ClosedPort();
        var started = DateTime.UtcNow;

        var run = await CliRun.RunAsync("change", "-u", "pagerduty://127.0.0.1:" + closedPort + "/" + CliRun.Key, "-m", "x", "--timeout", "0.5");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("could not deliver", run.Stderr, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the timeout bounds the retries");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
