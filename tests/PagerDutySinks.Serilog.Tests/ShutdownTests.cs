using System.Linq;
using System.Threading.Tasks;
using PagerDutySinks.Serilog.Tests.Support;
using Serilog;
using Shop;

namespace PagerDutySinks.Serilog.Tests;

[Collection(EmulatorTests.Name)]
public sealed class ShutdownTests(EmulatorFixture fixture)
{
    [Fact]
    public void CloseAndFlush_delivers_what_is_pending()
    {
        var key = TestRoutingKeys.NewKey();
        Log.Logger = new LoggerConfiguration().WriteTo.PagerDuty(key, endpoint: fixture.Endpoint).CreateLogger();

        for (var job = 0; job < 5; job++)
        {
            Log.ForContext("PagerDutyDedupKey", $"job-{job}-{key}").Error("Job {Job} failed", job);
        }

        Log.CloseAndFlush();

        Assert.Equal(5, fixture.AlertsFor(key).Count);
        Assert.Equal(
            Enumerable.Range(0, 5).Select(job => $"job-{job}-{key}"),
            fixture.AlertsFor(key).Select(alert => alert.DedupKey).OrderBy(dedupKey => dedupKey, System.StringComparer.Ordinal));
    }

    [Fact]
    public async Task CloseAndFlushAsync_delivers_what_is_pending()
    {
        var key = TestRoutingKeys.NewKey();
        Log.Logger = new LoggerConfiguration().WriteTo.PagerDuty(key, endpoint: fixture.Endpoint).CreateLogger();

        Log.Error(Failures.OutOfStock(), "Checkout failed");
        Log.Fatal("Worker {Name} crashed", "billing");
        await Log.CloseAndFlushAsync();

        Assert.Equal(2, fixture.AlertsFor(key).Count);
    }
}
