using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Tests.Emulator;

public sealed class EmulatorOptionsTests
{
    [Fact]
    public async Task Rejects_a_negative_rate_limit()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PagerDutyEmulator.StartAsync(new EmulatorOptions { RateLimitPerMinute = -1 }));
    }

    [Fact]
    public async Task Two_emulators_get_different_ports_and_separate_state()
    {
        await using var first = await PagerDutyEmulator.StartAsync();
        await using var second = await PagerDutyEmulator.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(first.EnqueueUri, new StringContent(
            """{"routing_key":"0123456789abcdef0123456789abcdef","event_action":"trigger","payload":{"summary":"s","source":"h","severity":"info"}}""",
            Encoding.UTF8,
            "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotEqual(first.BaseAddress.Port, second.BaseAddress.Port);
        Assert.Single(first.Alerts);
        Assert.Empty(second.Alerts);
        Assert.Equal(new Uri(first.BaseAddress, "v2/change/enqueue"), first.ChangeEnqueueUri);
    }

    [Fact]
    public async Task Disposing_twice_is_harmless_and_the_port_stops_answering()
    {
        var emulator = await PagerDutyEmulator.StartAsync();
        var address = emulator.BaseAddress;

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(address, "api/stats")));
    }

    [Fact]
    public void The_validator_reports_unparsable_text_as_a_parse_error()
    {
        Assert.Equal(new[] { EventContractValidator.JsonParseError }, EventContractValidator.ValidateAlertEvent("{"));
        Assert.Equal(new[] { EventContractValidator.JsonParseError }, EventContractValidator.ValidateChangeEvent("nope"));
        Assert.Equal(new[] { EventContractValidator.NotAnObjectError }, EventContractValidator.ValidateAlertEvent((System.Text.Json.Nodes.JsonNode?)null));
    }
}
