using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PagerDutySinks.Emulator;

namespace PagerDutySinks.Tests.Emulator;

public sealed class ContractValidationTests : EmulatorTestBase
{
    // Each case breaks one rule of the alert example and names the error PagerDuty's contract gives for it.
    private static readonly Dictionary<string, (Action<JsonObject> Break, string Error)> AlertCases = new()
    {
        ["routing key missing"] = (e => e.Remove("routing_key"), "'routing_key' is missing or blank"),
        ["routing key blank"] = (e => e["routing_key"] = "   ", "'routing_key' is missing or blank"),
        ["routing key short"] = (e => e["routing_key"] = new string('a', 31), "Length of 'routing_key' is incorrect (should be 32 characters)"),
        ["routing key long"] = (e => e["routing_key"] = new string('a', 33), "Length of 'routing_key' is incorrect (should be 32 characters)"),
        ["routing key number"] = (e => e["routing_key"] = 12345, "'routing_key' must be a string"),
        ["event action missing"] = (e => e.Remove("event_action"), "'event_action' is missing or blank"),
        ["event action unknown"] = (e => e["event_action"] = "fire", "'event_action' is invalid (must be one of: trigger, acknowledge, resolve)"),
        ["event action upper case"] = (e => e["event_action"] = "TRIGGER", "'event_action' is invalid (must be one of: trigger, acknowledge, resolve)"),
        ["dedup key too long"] = (e => e["dedup_key"] = new string('d', 256), "'dedup_key' is too long (256 characters, limit 255)"),
        ["dedup key number"] = (e => e["dedup_key"] = 7, "'dedup_key' must be a string"),
        ["acknowledge without dedup key"] = (e => { e["event_action"] = "acknowledge"; e.Remove("dedup_key"); }, "'dedup_key' is missing or blank (required for acknowledge)"),
        ["resolve with blank dedup key"] = (e => { e["event_action"] = "resolve"; e["dedup_key"] = ""; }, "'dedup_key' is missing or blank (required for resolve)"),
        ["trigger without payload"] = (e => e.Remove("payload"), "'payload' is missing (required for trigger)"),
        ["payload not an object"] = (e => e["payload"] = "disk full", "'payload' must be an object"),
        ["summary missing"] = (e => Payload(e).Remove("summary"), "'payload.summary' is missing or blank"),
        ["summary blank"] = (e => Payload(e)["summary"] = " ", "'payload.summary' is missing or blank"),
        ["summary too long"] = (e => Payload(e)["summary"] = new string('s', 1025), "'payload.summary' is too long (1025 characters, limit 1024)"),
        ["summary number"] = (e => Payload(e)["summary"] = 99, "'payload.summary' must be a string"),
        ["source missing"] = (e => Payload(e).Remove("source"), "'payload.source' is missing or blank"),
        ["source empty"] = (e => Payload(e)["source"] = "", "'payload.source' is missing or blank"),
        ["source null"] = (e => Payload(e)["source"] = null, "'payload.source' must be a string"),
        ["severity missing"] = (e => Payload(e).Remove("severity"), "'payload.severity' is missing or blank"),
        ["severity unknown"] = (e => Payload(e)["severity"] = "fatal", "'payload.severity' is invalid (must be one of: critical, error, warning, info)"),
        ["timestamp not a date"] = (e => Payload(e)["timestamp"] = "yesterday", "'payload.timestamp' is not a valid date-time"),
        ["timestamp month 13"] = (e => Payload(e)["timestamp"] = "2015-13-17T08:42:58Z", "'payload.timestamp' is not a valid date-time"),
        ["timestamp without zone"] = (e => Payload(e)["timestamp"] = "2015-07-17T08:42:58", "'payload.timestamp' is not a valid date-time"),
        ["component number"] = (e => Payload(e)["component"] = 1, "'payload.component' must be a string"),
        ["group object"] = (e => Payload(e)["group"] = new JsonObject(), "'payload.group' must be a string"),
        ["class array"] = (e => Payload(e)["class"] = new JsonArray(), "'payload.class' must be a string"),
        ["custom details string"] = (e => Payload(e)["custom_details"] = "free space 1%", "'payload.custom_details' must be an object"),
        ["custom details array"] = (e => Payload(e)["custom_details"] = new JsonArray(1, 2), "'payload.custom_details' must be an object"),
        ["client number"] = (e => e["client"] = 3, "'client' must be a string"),
        ["client url boolean"] = (e => e["client_url"] = true, "'client_url' must be a string"),
        ["links not an array"] = (e => e["links"] = new JsonObject { ["href"] = "https://x" }, "'links' must be an array"),
        ["link not an object"] = (e => e["links"] = new JsonArray("https://x"), "'links[0]' must be an object"),
        ["link without href"] = (e => e["links"]![0]!.AsObject().Remove("href"), "'links[0].href' is missing"),
        ["link href number"] = (e => e["links"]![0]!["href"] = 5, "'links[0].href' must be a string"),
        ["images not an array"] = (e => e["images"] = "https://x/y.png", "'images' must be an array"),
        ["image without src"] = (e => e["images"]![0]!.AsObject().Remove("src"), "'images[0].src' is missing"),
        ["image over http"] = (e => e["images"]![0]!["src"] = "http://example.com/chart.png", "'images[0].src' must be an https URL"),
        ["image src relative"] = (e => e["images"]![0]!["src"] = "/chart.png", "'images[0].src' must be an https URL"),
        ["too large"] = (e => Payload(e)["custom_details"] = new JsonObject { ["blob"] = new string('x', 530_000) }, "Event object is too large"),
    };

    private static readonly Dictionary<string, (Action<JsonObject> Break, string Error)> ChangeCases = new()
    {
        ["routing key missing"] = (e => e.Remove("routing_key"), "'routing_key' is missing or blank"),
        ["routing key short"] = (e => e["routing_key"] = "abc", "Length of 'routing_key' is incorrect (should be 32 characters)"),
        ["payload missing"] = (e => e.Remove("payload"), "'payload' is missing"),
        ["payload array"] = (e => e["payload"] = new JsonArray(), "'payload' must be an object"),
        ["summary missing"] = (e => Payload(e).Remove("summary"), "'payload.summary' is missing or blank"),
        ["summary too long"] = (e => Payload(e)["summary"] = new string('s', 1025), "'payload.summary' is too long (1025 characters, limit 1024)"),
        ["timestamp invalid"] = (e => Payload(e)["timestamp"] = "2015-07-17 late", "'payload.timestamp' is not a valid date-time"),
        ["source number"] = (e => Payload(e)["source"] = 1, "'payload.source' must be a string"),
        ["custom details string"] = (e => Payload(e)["custom_details"] = "x", "'payload.custom_details' must be an object"),
        ["link without href"] = (e => e["links"]![0]!.AsObject().Remove("href"), "'links[0].href' is missing"),
        ["image over http"] = (e => e["images"]![0]!["src"] = "http://example.com/a.png", "'images[0].src' must be an https URL"),
        ["too large"] = (e => Payload(e)["custom_details"] = new JsonObject { ["blob"] = new string('x', 530_000) }, "Event object is too large"),
    };

    public static TheoryData<string> AlertCaseNames => new(AlertCases.Keys);

    public static TheoryData<string> ChangeCaseNames => new(ChangeCases.Keys);

    [Fact]
    public async Task Accepts_the_spec_alert_example()
    {
        using var response = await PostAsync("v2/enqueue", SpecExamples.AlertEvent);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("srv01/mysql", (string?)(await ReadJsonAsync(response))["dedup_key"]);
        var alert = Assert.Single(Emulator.Alerts);
        Assert.Equal("DISK at 99% on machine prod-datapipe03.example.com", alert.Summary);
        Assert.Equal("critical", alert.Severity);
        Assert.Empty(EventContractValidator.ValidateAlertEvent(SpecExamples.AlertEvent));
    }

    [Theory]
    [InlineData(SpecExamples.BuildChangeEvent)]
    [InlineData(SpecExamples.GitChangeEvent)]
    public async Task Accepts_the_spec_change_examples(string json)
    {
        using var response = await PostAsync("v2/change/enqueue", json);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Change event processed", (string?)(await ReadJsonAsync(response))["message"]);
        Assert.Empty(EventContractValidator.ValidateChangeEvent(json));
    }

    [Fact]
    public async Task Accepts_every_request_example_of_the_spec_file_when_present()
    {
        // Without the file the embedded copies stand in, so the test proves the same thing either way.
        var specFile = SpecExamples.FindSpecFile();
        var alertExamples = specFile is null
            ? new Dictionary<string, JsonNode> { ["event"] = JsonNode.Parse(SpecExamples.AlertEvent)! }
            : SpecExamples.ReadExamples(specFile, "/enqueue");
        var changeExamples = specFile is null
            ? new Dictionary<string, JsonNode> { ["build"] = JsonNode.Parse(SpecExamples.BuildChangeEvent)!, ["git"] = JsonNode.Parse(SpecExamples.GitChangeEvent)! }
            : SpecExamples.ReadExamples(specFile, "/change/enqueue");

        foreach (var (path, examples) in new[] { ("v2/enqueue", alertExamples), ("v2/change/enqueue", changeExamples) })
        {
            Assert.NotEmpty(examples);
            foreach (var (name, example) in examples)
            {
                using var response = await PostAsync(path, example.ToJsonString());
                Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{path} example '{name}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.Equal(alertExamples.Count + changeExamples.Count, Emulator.GetStatistics().Accepted);
    }

    [Theory]
    [MemberData(nameof(AlertCaseNames))]
    public async Task Rejects_a_broken_alert_event_with_the_reason(string caseName)
    {
        var (breakIt, error) = AlertCases[caseName];
        var body = JsonNode.Parse(SpecExamples.AlertEvent)!.AsObject();
        breakIt(body);

        using var response = await PostAsync("v2/enqueue", body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await ReadJsonAsync(response);
        Assert.Equal("invalid event", (string?)json["status"]);
        Assert.Equal("Event object is invalid", (string?)json["message"]);
        var errors = json["errors"]!.AsArray().Select(e => (string)e!).ToArray();
        Assert.Contains(errors, e => e.StartsWith(error, StringComparison.Ordinal));
        Assert.Single(errors);
        Assert.Empty(Emulator.Alerts);
        var received = Assert.Single(Emulator.Events);
        Assert.Equal(ReceivedOutcome.Rejected, received.Outcome);
        Assert.Equal(errors, received.Errors);
        Assert.Equal(errors, EventContractValidator.ValidateAlertEvent(body));
    }

    [Theory]
    [MemberData(nameof(ChangeCaseNames))]
    public async Task Rejects_a_broken_change_event_with_the_reason(string caseName)
    {
        var (breakIt, error) = ChangeCases[caseName];
        var body = JsonNode.Parse(SpecExamples.BuildChangeEvent)!.AsObject();
        breakIt(body);

        using var response = await PostAsync("v2/change/enqueue", body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await ReadJsonAsync(response);
        Assert.Equal("invalid event", (string?)json["status"]);
        var errors = json["errors"]!.AsArray().Select(e => (string)e!).ToArray();
        Assert.Contains(errors, e => e.StartsWith(error, StringComparison.Ordinal));
        Assert.Single(errors);
        Assert.Equal(errors, EventContractValidator.ValidateChangeEvent(body));
    }

    [Fact]
    public async Task Reports_every_problem_at_once()
    {
        const string json = """{"routing_key":"short","event_action":"trigger","dedup_key":5,"payload":{"summary":"","severity":"bad"}}""";

        using var response = await PostAsync("v2/enqueue", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadJsonAsync(response))["errors"]!.AsArray().Select(e => (string)e!).ToArray();
        Assert.Equal(
            new[]
            {
                "Length of 'routing_key' is incorrect (should be 32 characters)",
                "'dedup_key' must be a string",
                "'payload.summary' is missing or blank",
                "'payload.severity' is invalid (must be one of: critical, error, warning, info)",
                "'payload.source' is missing or blank",
            },
            errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("{\"routing_key\": ")]
    public async Task Answers_unparsable_bodies_as_an_unrecognized_object(string body)
    {
        using var response = await PostAsync("v2/enqueue", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await ReadJsonAsync(response);
        Assert.Equal("Unrecognized object", (string?)json["status"]);
        Assert.Equal("Event object format is unrecognized", (string?)json["message"]);
        Assert.Equal("JSON parse error", (string?)json["errors"]![0]);
        Assert.Equal(ReceivedOutcome.Rejected, Assert.Single(Emulator.Events).Outcome);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"trigger\"")]
    [InlineData("null")]
    [InlineData("42")]
    public async Task Answers_json_that_is_not_an_object_as_an_unrecognized_object(string body)
    {
        using var response = await PostAsync("v2/change/enqueue", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await ReadJsonAsync(response);
        Assert.Equal("Unrecognized object", (string?)json["status"]);
        Assert.Equal(EventContractValidator.NotAnObjectError, (string?)json["errors"]![0]);
    }

    [Theory]
    [InlineData("2015-07-17T08:42:58.315+0000")]
    [InlineData("2015-07-17T08:42:58Z")]
    [InlineData("2015-07-17T08:42:58.1234567+02:00")]
    [InlineData("2024-02-29t23:59:60-05:30")]
    public void Accepts_rfc3339_timestamps(string timestamp)
    {
        var body = JsonNode.Parse(SpecExamples.AlertEvent)!.AsObject();
        Payload(body)["timestamp"] = timestamp;

        Assert.Empty(EventContractValidator.ValidateAlertEvent(body));
    }

    [Theory]
    [InlineData("2023-02-29T10:00:00Z")]
    [InlineData("2015-07-17T25:00:00Z")]
    [InlineData("2015-07-17T08:42:58+2500")]
    [InlineData("17/07/2015 08:42")]
    public void Rejects_impossible_timestamps(string timestamp)
    {
        var body = JsonNode.Parse(SpecExamples.AlertEvent)!.AsObject();
        Payload(body)["timestamp"] = timestamp;

        Assert.Contains(EventContractValidator.ValidateAlertEvent(body), e => e.Contains("'payload.timestamp'", StringComparison.Ordinal));
    }

    [Fact]
    public void Accepts_acknowledge_and_resolve_with_only_routing_key_action_and_dedup_key()
    {
        Assert.Empty(EventContractValidator.ValidateAlertEvent(Action("acknowledge", "k")));
        Assert.Empty(EventContractValidator.ValidateAlertEvent(Action("resolve", "k")));
    }

    [Fact]
    public void Accepts_summary_and_dedup_key_exactly_at_their_limits_and_an_event_just_under_512_KB()
    {
        var body = JsonNode.Parse(SpecExamples.AlertEvent)!.AsObject();
        Payload(body)["summary"] = new string('s', 1024);
        body["dedup_key"] = new string('d', 255);
        var size = System.Text.Encoding.UTF8.GetByteCount(body.ToJsonString());
        Payload(body)["custom_details"]!["blob"] = new string('x', (512 * 1024) - size - "\"blob\":\"\",".Length);

        Assert.Equal(512 * 1024, System.Text.Encoding.UTF8.GetByteCount(body.ToJsonString()));
        Assert.Empty(EventContractValidator.ValidateAlertEvent(body));
    }

    private static JsonObject Payload(JsonObject body) => body["payload"]!.AsObject();
}

public sealed class RawBodySizeTests : EmulatorTestBase
{
    [Fact]
    public async Task Counts_the_bytes_sent_not_the_compact_json()
    {
        // Compact, this event is small; the whitespace sent with it takes the body over 512 KB.
        var padded = Trigger().Replace(",", "," + new string(' ', 200_000), System.StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(padded) > 512 * 1024);
        Assert.Empty(EventContractValidator.ValidateAlertEvent(padded));

        using var response = await PostAsync("v2/enqueue", padded);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (string?)(await ReadJsonAsync(response))["errors"]![0];
        Assert.StartsWith("Event object is too large", error, System.StringComparison.Ordinal);
        Assert.Contains("limit 524288 bytes", error, System.StringComparison.Ordinal);
    }
}
