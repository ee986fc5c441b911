using System;

namespace PagerDutySinks.Tests.Client;

public class PagerDutyClientOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = new PagerDutyClientOptions();
        options.Validate();
        Assert.Equal(120, options.RateLimitPerMinute);
    }

    public static TheoryData<Action<PagerDutyClientOptions>, string> InvalidSettings() => new()
    {
        { o => o.RateLimitPerMinute = 0, nameof(PagerDutyClientOptions.RateLimitPerMinute) },
        { o => o.RateLimitPerMinute = -5, nameof(PagerDutyClientOptions.RateLimitPerMinute) },
        { o => o.AttemptTimeout = TimeSpan.Zero, nameof(PagerDutyClientOptions.AttemptTimeout) },
        { o => o.AttemptTimeout = TimeSpan.FromSeconds(-1), nameof(PagerDutyClientOptions.AttemptTimeout) },
        { o => o.MaxRetryDuration = TimeSpan.Zero, nameof(PagerDutyClientOptions.MaxRetryDuration) },
        { o => o.MaxRetryAttempts = -1, nameof(PagerDutyClientOptions.MaxRetryAttempts) },
        { o => o.BaseRetryDelay = TimeSpan.FromMilliseconds(-1), nameof(PagerDutyClientOptions.BaseRetryDelay) },
        { o => o.Endpoint = null!, nameof(PagerDutyClientOptions.Endpoint) },
        { o => o.TimeProvider = null!, nameof(PagerDutyClientOptions.TimeProvider) },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_settings_are_named(Action<PagerDutyClientOptions> spoil, string property)
    {
        var options = new PagerDutyClientOptions();
        spoil(options);

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(property, error.ParamName);
        Assert.Contains(property, error.Message, StringComparison.Ordinal);

        var fromClient = Assert.Throws<ArgumentException>(() => new PagerDutyClient(options));
        Assert.Equal(property, fromClient.ParamName);
    }

    [Fact]
    public void Zero_retries_and_a_higher_rate_are_allowed()
    {
        var options = new PagerDutyClientOptions { MaxRetryAttempts = 0, RateLimitPerMinute = 300 };
        options.Validate();
        using var client = new PagerDutyClient(options);
        Assert.Same(options, client.Options);
    }
}
