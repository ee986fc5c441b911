using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Cli.Tests.Cli;

public sealed class CliLifecycleTests : IClassFixture<EmulatorFixture>
{
    private readonly PagerDutyEmulator _emulator;

    public CliLifecycleTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Reset();
    }

    private string Url(string query = "") => CliRun.UrlFor(_emulator.BaseAddress, query);

    [Fact]
    public async Task Trigger_ack_resolve_with_one_dedup_key()
    {
        var send = await CliRun.RunAsync("send", "-u", Url(), "-m", "Disk full on web-01", "--severity", "critical", "--source", "web-01");
        Assert.True(send.ExitCode == 0, send.ToString());
        var dedupKey = send.Stdout.Trim();
        Assert.Equal(send.Stdout, dedupKey + Environment.NewLine);
        var alert = Assert.Single(_emulator.Alerts);
        Assert.Equal(dedupKey, alert.DedupKey);
        Assert.Equal(AlertStatus.Triggered, alert.Status);
        Assert.Equal("Disk full on web-01", alert.Summary);
        Assert.Equal("critical", alert.Severity);

        var ack = await CliRun.RunAsync("ack", "-u", Url(), "--dedup-key", dedupKey);
        Assert.True(ack.ExitCode == 0, ack.ToString());
        Assert.Equal(dedupKey, ack.Stdout.Trim());
        Assert.Equal(AlertStatus.Acknowledged, Assert.Single(_emulator.Alerts).Status);

        var resolve = await CliRun.RunAsync("resolve", "-u", Url(), "-k", dedupKey);
        Assert.True(resolve.ExitCode == 0, resolve.ToString());
        var resolved = Assert.Single(_emulator.Alerts);
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal(new[] { "trigger", "acknowledge", "resolve" }, resolved.LogEntries.Select(e => e.EventAction));
    }

    [Fact]
    public async Task Send_uses_url_defaults_and_options_on_top()
    {
        var url = Url("severity=warning&source=from-url&dedup_key=job-7&details=" + Uri.EscapeDataString("{\"region\":\"eu\",\"team\":\"a\"}") +
                      "&contexts=link:https://runbook.example.com/&client=Url+Client");

        var run = await CliRun.RunAsync("send", "-u", url, "-m", "Job failed", "--details", "{\"team\":\"b\",\"attempt\":3}",
            "--link", "https://ci.example.com/job/7=CI job", "--link", "https://grafana.example.com/d/x?orgId=1",
            "--image", "https://img.example.com/chart.png", "--client-url", "https://ci.example.com/");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("job-7", run.Stdout.Trim());
        var body = Assert.Single(_emulator.Events).Body!;
        Assert.Equal("warning", (string?)body["payload"]!["severity"]);
        Assert.Equal("from-url", (string?)body["payload"]!["source"]);
        var details = body["payload"]!["custom_details"]!;
        Assert.Equal("eu", (string?)details["region"]);
        Assert.Equal("b", (string?)details["team"]);
        Assert.Equal(3, (int)details["attempt"]!);
        var links = body["links"]!.AsArray();
        Assert.Equal(new[] { "https://runbook.example.com/", "https://ci.example.com/job/7", "https://grafana.example.com/d/x?orgId=1" },
            links.Select(l => (string?)l!["href"]));
        Assert.Equal("CI job", (string?)links[1]!["text"]);
        Assert.Equal("https://img.example.com/chart.png", (string?)body["images"]![0]!["src"]);
        Assert.Equal("Url Client", (string?)body["client"]);
        Assert.Equal("https://ci.example.com/", (string?)body["client_url"]);
    }

    [Fact]
    public async Task Change_event_is_sent()
    {
        var run = await CliRun.RunAsync("change", "-u", Url(), "-m", "Deployed v2.3", "--source", "deploy-bot",
            "--details", "{\"version\":\"2.3\"}", "--link", "https://github.example.com/releases/2.3=Release notes");

        Assert.True(run.ExitCode == 0, run.ToString());
        var received = Assert.Single(_emulator.Events);
        Assert.Equal("/v2/change/enqueue", received.Path);
        Assert.Equal(202, received.StatusCode);
        Assert.Equal("Deployed v2.3", (string?)received.Body!["payload"]!["summary"]);
        Assert.Equal("deploy-bot", (string?)received.Body["payload"]!["source"]);
        Assert.Equal("2.3", (string?)received.Body["payload"]!["custom_details"]!["version"]);
        Assert.Equal("Release notes", (string?)received.Body["links"]![0]!["text"]);
        Assert.Empty(_emulator.Alerts);
    }

    [Fact]
    public async Task Url_comes_from_PAGERDUTY_URL_when_no_option_is_given()
    {
        var environment = new Dictionary<string, string> { ["PAGERDUTY_URL"] = Url("source=from-env") };

        var run = await CliRun.RunAsync(environment, "send", "-m", "From the environment");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("from-env", (string?)Assert.Single(_emulator.Events).Body!["payload"]!["source"]);
    }

    [Fact]
    public async Task Url_option_wins_over_PAGERDUTY_URL()
    {
        var environment = new Dictionary<string, string> { ["PAGERDUTY_URL"] = "pagerduty:///not-a-key" };

        var run = await CliRun.RunAsync(environment, "send", "-u", Url(), "-m", "Option wins");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(_emulator.Events);
    }
}
