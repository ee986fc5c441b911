using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Events;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class ThresholdAndSeverityTests
{
    [Fact]
    public async Task Events_below_the_minimum_level_are_turned_away_and_levels_map_to_severities()
    {
        await using var h = new PipelineHarness(o => o.MinimumLevel = AlertLevel.Warning);

        Assert.False(h.Pipeline.IsEnabled(AlertLevel.Information));
        Assert.True(h.Pipeline.IsEnabled(AlertLevel.Warning));
        Assert.False(h.Pipeline.Enqueue(PipelineHarness.Candidate("info", AlertLevel.Information)));
        Assert.True(h.Pipeline.Enqueue(PipelineHarness.Candidate("warn", AlertLevel.Warning)));
        Assert.True(h.Pipeline.Enqueue(PipelineHarness.Candidate("error", AlertLevel.Error)));
        Assert.True(h.Pipeline.Enqueue(PipelineHarness.Candidate("fatal", AlertLevel.Fatal)));
        await h.Sender.WaitForEventsAsync(3);
        await h.WaitIdleAsync();

        var bySummary = h.Sender.Events.ToDictionary(e => e.Payload!.Summary, e => e.Payload!.Severity);
        Assert.Equal(3, bySummary.Count);
        Assert.Equal(Severity.Warning, bySummary["warn"]);
        Assert.Equal(Severity.Error, bySummary["error"]);
        Assert.Equal(Severity.Critical, bySummary["fatal"]);
        Assert.Equal(3, h.Pipeline.Statistics.Enqueued);
    }

    [Fact]
    public async Task The_severity_map_overrides_the_default_per_level()
    {
        await using var h = new PipelineHarness(o =>
        {
            o.MinimumLevel = AlertLevel.Information;
            o.SeverityMap[AlertLevel.Error] = Severity.Critical;
            o.SeverityMap[AlertLevel.Information] = Severity.Warning;
        });

        h.Pipeline.Enqueue(PipelineHarness.Candidate("error", AlertLevel.Error));
        h.Pipeline.Enqueue(PipelineHarness.Candidate("info", AlertLevel.Information));
        await h.Sender.WaitForEventsAsync(2);

        var bySummary = h.Sender.Events.ToDictionary(e => e.Payload!.Summary, e => e.Payload!.Severity);
        Assert.Equal(Severity.Critical, bySummary["error"]);
        Assert.Equal(Severity.Warning, bySummary["info"]);
    }

    [Fact]
    public async Task Ignored_categories_never_page_and_are_counted_as_filtered()
    {
        await using var h = new PipelineHarness(o => o.IgnoredCategories.Add("Noisy."));

        h.Pipeline.Enqueue(PipelineHarness.Candidate("http", category: "System.Net.Http.HttpClient.Default.LogicalHandler"));
        h.Pipeline.Enqueue(PipelineHarness.Candidate("own", category: "PagerDutySinks.Pipeline"));
        h.Pipeline.Enqueue(PipelineHarness.Candidate("noisy", category: "Noisy.Component"));
        h.Pipeline.Enqueue(PipelineHarness.Candidate("app", category: "App.Orders"));
        await h.Sender.WaitForEventsAsync(1);
        await h.WaitIdleAsync();

        Assert.Equal("app", Assert.Single(h.Sender.Events).Payload!.Summary);
        Assert.Equal(3, h.Pipeline.Statistics.Filtered);
    }
}
