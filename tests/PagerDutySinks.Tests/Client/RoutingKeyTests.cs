using System;

namespace PagerDutySinks.Tests.Client;

public class RoutingKeyTests
{
    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("737ea619db564d41bd9824063e1f8au1")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    public void Accepts_32_letters_and_digits(string key)
    {
        RoutingKey.Validate(key);
        Assert.True(RoutingKey.IsValid(key, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_key_is_reported_as_missing(string? key)
    {
        var error = Assert.Throws<ArgumentException>(() => RoutingKey.Validate(key, "PagerDuty:RoutingKey"));
        Assert.Equal("PagerDuty:RoutingKey", error.ParamName);
        Assert.True(error.Message.Contains("missing", StringComparison.Ordinal) || error.Message.Contains("blank", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void Wrong_length_names_expected_and_actual_length_without_showing_the_key()
    {
        const string key = "0123456789abcdef0123456789abc";
        var error = Assert.Throws<ArgumentException>(() => RoutingKey.Validate(key, "routingKey"));
        Assert.Equal("routingKey", error.ParamName);
        Assert.Contains("29 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("exactly 32", error.Message, StringComparison.Ordinal);
        Assert.Contains("0123…9abc", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_inside_is_reported()
    {
        const string key = "0123456789abcdef 123456789abcdef";
        var error = Assert.Throws<ArgumentException>(() => RoutingKey.Validate(key));
        Assert.Contains("whitespace", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Surrounding_whitespace_is_reported_as_such()
    {
        const string key = " 0123456789abcdef0123456789abcdef\n";
        Assert.False(RoutingKey.IsValid(key, out var problem));
        Assert.Contains("leading or trailing whitespace", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Trim(), problem!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcde!")]
    [InlineData("0123456789abcdef0123456789abcdé1")]
    [InlineData("0123456789abcdef-123456789abcdef")]
    public void Characters_other_than_ascii_letters_and_digits_are_rejected(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => RoutingKey.Validate(key));
        Assert.Contains("not an ASCII letter or digit", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("y_NbAkKc66ryYTWUXYEu")]
    [InlineData("u+abcdefghijklmnopqr")]
    [InlineData("Ab-cdEfGh+jKlmnOpq12")]
    public void Rest_api_tokens_are_recognised(string token)
    {
        var error = Assert.Throws<ArgumentException>(() => RoutingKey.Validate(token, "routingKey"));
        Assert.Contains("this looks like a REST API token, not an Events API v2 integration key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("e93facc04764012d7bfb002500d5d1a6", "e93f…d1a6")]
    [InlineData("abcdefghijkl", "abcd…ijkl")]
    [InlineData("abcdefghijk", "***")]
    [InlineData("", "***")]
    [InlineData(null, "***")]
    public void Mask_shows_only_the_ends_of_long_keys(string? key, string expected) =>
        Assert.Equal(expected, RoutingKey.Mask(key));
}
