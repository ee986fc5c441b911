using System;
using PagerDutySinks.Pipeline;

namespace PagerDutySinks.Tests.Pipeline;

public sealed class FingerprintCacheTests
{
    [Fact]
    public void The_same_exception_instance_is_fingerprinted_once()
    {
        var fingerprinter = DefaultFingerprinter.CreateDefault(new AlertPipelineOptions());
        var exception = Thrown();

        var first = fingerprinter.ForException(exception);
        var second = fingerprinter.ForException(exception);

        Assert.Equal(first.DedupKey, second.DedupKey);
        Assert.Equal(first.Signature, second.Signature);
        Assert.Equal(1, fingerprinter.ComputedCount);
    }

    [Fact]
    public void Another_instance_of_the_same_bug_is_computed_and_gets_the_same_key()
    {
        var fingerprinter = DefaultFingerprinter.CreateDefault(new AlertPipelineOptions());

        var first = fingerprinter.ForException(Thrown());
        var second = fingerprinter.ForException(Thrown());

        Assert.Equal(first.DedupKey, second.DedupKey);
        Assert.Equal(2, fingerprinter.ComputedCount);
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("stock unavailable");
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }
}
