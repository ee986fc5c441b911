using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Threading.Tasks;
using PagerDutySinks.FingerprintProbe;
using PagerDutySinks.Fingerprinting;

namespace PagerDutySinks.Tests.Fingerprinting;

public sealed class ExceptionFingerprinterTests
{
    private readonly ExceptionFingerprinter _fingerprinter = new();

    private Fingerprint Bug(string name) => _fingerprinter.Compute(SampleBugs.All.Single(b => b.Name == name).Capture());

    [Fact]
    public void Same_site_thrown_twice_gives_identical_keys()
    {
        Assert.Equal(Bug("async-throw").DedupKey, Bug("async-throw").DedupKey);
        Assert.Equal(Bug("sync").DedupKey, Bug("sync").DedupKey);
    }

    [Fact]
    public void Same_exception_type_from_different_sites_gives_different_keys()
    {
        var keys = new[] { "async", "async-throw", "async-before-await", "iterator", "recursion-3" }
            .Select(name => Bug(name).DedupKey)
            .ToList();

        Assert.All(keys, key => Assert.Equal("InvalidOperationException", FingerprintAssert.TypePart(key)));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Throw_site_shortcut_gives_the_same_key_and_signature_as_walking_the_whole_stack()
    {
        var walking = new ExceptionFingerprinter(new FingerprintOptions(), useThrowSiteShortcut: false);

        foreach (var bug in SampleBugs.All)
        {
            var exception = bug.Capture();
            var shortcut = _fingerprinter.Compute(exception);
            var walked = walking.Compute(exception);

            Assert.True(walked.DedupKey == shortcut.DedupKey, $"{bug.Name}: {walked.DedupKey} walking, {shortcut.DedupKey} with the shortcut");
            Assert.Equal(walked.TopFrame, shortcut.TopFrame);
            Assert.Equal(walked.Signature, shortcut.Signature);
        }
    }

    [Fact]
    public void Key_is_versioned_readable_and_short()
    {
        var fingerprint = Bug("async-throw");

        FingerprintAssert.WellFormed(fingerprint);
        Assert.StartsWith("v1|InvalidOperationException|Probe.Orders.Checkout.ConfirmAsync|", fingerprint.DedupKey);
        Assert.Equal("InvalidOperationException", fingerprint.ExceptionType);
        Assert.Equal("Probe.Orders.Checkout.ConfirmAsync", fingerprint.TopFrame);
    }

    [Fact]
    public void Async_state_machines_are_named_after_the_method()
    {
        var signature = Bug("async-throw").Signature;

        Assert.Contains("at Probe.Orders.Checkout.ConfirmAsync", signature);
        Assert.DoesNotContain("MoveNext", signature);
        Assert.DoesNotContain("d__", signature);
        Assert.DoesNotContain("System.", signature.Replace("System.InvalidOperationException", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Awaiting_and_waiting_on_the_same_failing_task_give_one_key()
    {
        Assert.Equal(Bug("async").DedupKey, Bug("async-wait").DedupKey);
    }

    [Fact]
    public void Iterator_and_async_lambda_frames_anchor_on_their_source_method()
    {
        Assert.Equal("Probe.Orders.Catalog.Lines", Bug("iterator").TopFrame);
        Assert.Equal("Probe.Orders.Pricing.TotalLaterAsync", Bug("async-lambda").TopFrame);
        Assert.Contains("at Probe.Orders.Pricing.TotalLaterAsync{lambda}", Bug("async-lambda").Signature);
    }

    [Fact]
    public void Generic_instantiations_share_a_key()
    {
        Assert.Equal(Bug("generic-int").DedupKey, Bug("generic-string").DedupKey);
        Assert.Equal(Bug("generic-method-int").DedupKey, Bug("generic-method-string").DedupKey);
        Assert.DoesNotContain("`", Bug("generic-int").Signature);
        Assert.DoesNotContain("[", Bug("generic-int").Signature);
    }

    [Fact]
    public void Recursion_depth_does_not_change_the_key_and_is_collapsed()
    {
        var shallow = Bug("recursion-3");
        var deep = Bug("recursion-7");

        Assert.Equal(shallow.DedupKey, deep.DedupKey);
        Assert.Equal(shallow.Signature, deep.Signature);
        Assert.Single(deep.Signature.Split('\n'), line => line.Contains("CategoryTree.Walk", StringComparison.Ordinal));
    }

    [Fact]
    public void Throw_helper_and_no_inlining_guard_stay_the_top_frame()
    {
        Assert.Equal("Probe.Orders.Checkout.ThrowUnknownOrder", Bug("throw-helper").TopFrame);
        Assert.Equal("Probe.Orders.Checkout.EnsurePositiveNoInlining", Bug("guard-noinlining").TopFrame);
    }

    [Fact]
    public void Target_invocation_exception_is_unwrapped()
    {
        var wrapped = SampleBugs.All.Single(b => b.Name == "target-invocation").Capture();
        Assert.IsType<TargetInvocationException>(wrapped);

        var fingerprint = _fingerprinter.Compute(wrapped);

        Assert.Equal(_fingerprinter.Compute(wrapped.InnerException!).DedupKey, fingerprint.DedupKey);
        Assert.Equal("InvalidOperationException", fingerprint.ExceptionType);
        Assert.DoesNotContain("TargetInvocationException", fingerprint.Signature);
    }

    [Fact]
    public void Aggregate_children_from_one_site_count_once()
    {
        var aggregate = Assert.IsType<AggregateException>(SampleBugs.All.Single(b => b.Name == "aggregate").Capture());
        Assert.Equal(2, aggregate.InnerExceptions.Count);

        var fingerprint = _fingerprinter.Compute(aggregate);

        Assert.Equal(Bug("async-throw").DedupKey, fingerprint.DedupKey);
        Assert.Equal("InvalidOperationException", fingerprint.ExceptionType);
    }

    [Fact]
    public void Aggregate_with_different_children_differs_from_each_child()
    {
        var first = SampleBugs.All.Single(b => b.Name == "async-throw").Capture();
        var second = SampleBugs.All.Single(b => b.Name == "throw-helper").Capture();

        var both = _fingerprinter.Compute(new AggregateException(first, second));

        Assert.NotEqual(_fingerprinter.Compute(first).DedupKey, both.DedupKey);
        Assert.NotEqual(_fingerprinter.Compute(second).DedupKey, both.DedupKey);
        Assert.Contains("System.InvalidOperationException", both.Signature);
        Assert.Contains("System.Collections.Generic.KeyNotFoundException", both.Signature);
        Assert.Equal(both.DedupKey, _fingerprinter.Compute(new AggregateException(first, second, first)).DedupKey);
    }

    [Fact]
    public void Inner_exception_type_is_part_of_the_key()
    {
        var wrapped = Bug("inner");

        Assert.Equal("OrderException", wrapped.ExceptionType);
        Assert.Equal("Probe.Orders.Import.ReadWrapped", wrapped.TopFrame);
        Assert.Contains("System.FormatException", wrapped.Signature);

        var otherCause = _fingerprinter.Compute(ThrowAndCatch(() => WrapAtOneSite(new TimeoutException())));
        var sameCauseType = _fingerprinter.Compute(ThrowAndCatch(() => WrapAtOneSite(new FormatException("a"))));
        var sameCauseTypeAgain = _fingerprinter.Compute(ThrowAndCatch(() => WrapAtOneSite(new FormatException("b"))));
        Assert.NotEqual(otherCause.DedupKey, sameCauseType.DedupKey);
        Assert.Equal(sameCauseType.DedupKey, sameCauseTypeAgain.DedupKey);
    }

    [Fact]
    public void Message_text_never_influences_the_key()
    {
        var first = _fingerprinter.Compute(ThrowAndCatch(() => WrapAtOneSite(new FormatException("order 17"))));
        var second = _fingerprinter.Compute(ThrowAndCatch(() => WrapAtOneSite(new FormatException("order 42"))));

        Assert.Equal(first.DedupKey, second.DedupKey);
        Assert.DoesNotContain("order", first.Signature, StringComparison.Ordinal);
    }

    [Fact]
    public void In_app_include_wins_over_exclude()
    {
        var exception = ThrowAndCatch(() => WrapAtOneSite(new FormatException()));
        var byDefault = _fingerprinter.Compute(exception);
        var includingTests = new ExceptionFingerprinter(
            new[] { "PagerDutySinks.Tests.Fingerprinting" },
            new FingerprintOptions().InAppExclude);

        var fingerprint = includingTests.Compute(exception);

        Assert.Null(byDefault.TopFrame);
        Assert.Equal("PagerDutySinks.Tests.Fingerprinting.ExceptionFingerprinterTests.WrapAtOneSite", fingerprint.TopFrame);
        Assert.NotEqual(byDefault.DedupKey, fingerprint.DedupKey);
    }

    [Fact]
    public void Framework_only_exceptions_fall_back_to_top_framework_frames()
    {
        var options = new FingerprintOptions();
        options.InAppExclude.Add("Probe.");
        var frameworkOnly = new ExceptionFingerprinter(options);

        var parse = frameworkOnly.Compute(Assert.IsType<FormatException>(ThrowAndCatch(() => int.Parse("x", System.Globalization.CultureInfo.InvariantCulture))));
        var dictionary = frameworkOnly.Compute(ThrowAndCatch(() => new Dictionary<int, int>()[1].ToString()));

        Assert.Null(parse.TopFrame);
        FingerprintAssert.WellFormed(parse);
        Assert.StartsWith("v1|FormatException||", parse.DedupKey);
        Assert.Contains("at System.", parse.Signature);
        Assert.NotEqual(
            frameworkOnly.Compute(new FormatException()).DedupKey,
            parse.DedupKey);
        Assert.StartsWith("v1|KeyNotFoundException||", dictionary.DedupKey);
    }

    [Fact]
    public void Never_thrown_exception_is_fingerprinted_by_type()
    {
        var first = _fingerprinter.Compute(new InvalidOperationException("one"));
        var second = _fingerprinter.Compute(new InvalidOperationException("two"));

        Assert.Equal(first.DedupKey, second.DedupKey);
        Assert.StartsWith("v1|InvalidOperationException||", first.DedupKey);
        Assert.Equal("System.InvalidOperationException", first.Signature);
    }

    [Fact]
    public void Hostile_exception_does_not_throw()
    {
        var exception = ThrowAndCatch(() => throw new HostileException());

        var fingerprint = _fingerprinter.Compute(exception);

        FingerprintAssert.WellFormed(fingerprint);
        Assert.Equal("HostileException", fingerprint.ExceptionType);
        Assert.Equal(fingerprint.DedupKey, _fingerprinter.Compute(exception).DedupKey);
    }

    [Fact]
    public void Self_referencing_inner_exception_does_not_loop()
    {
        var exception = ThrowAndCatch(() => throw new InvalidOperationException("loop"));
        var innerField = typeof(Exception).GetField("_innerException", BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.NotNull(innerField);
        innerField.SetValue(exception, exception);

        var fingerprint = _fingerprinter.Compute(exception);

        FingerprintAssert.WellFormed(fingerprint);
        Assert.Equal("InvalidOperationException", fingerprint.ExceptionType);
    }

    [Fact]
    public void Huge_aggregate_is_bounded()
    {
        var children = Enumerable.Range(0, 500).Select(i => (Exception)new InvalidOperationException(i.ToString())).ToArray();

        var fingerprint = _fingerprinter.Compute(new AggregateException(children));

        FingerprintAssert.WellFormed(fingerprint);
        Assert.True(fingerprint.Signature.Length < 2000);
    }

    [Fact]
    public void Dynamic_method_frames_degrade_gracefully()
    {
        var method = new DynamicMethod("Explode", typeof(void), Type.EmptyTypes);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Newobj, typeof(InvalidOperationException).GetConstructor(Type.EmptyTypes)!);
        il.Emit(OpCodes.Throw);
        var explode = method.CreateDelegate<Action>();

        var fingerprint = _fingerprinter.Compute(ThrowAndCatch(explode));

        FingerprintAssert.WellFormed(fingerprint);
        Assert.Equal("InvalidOperationException", fingerprint.ExceptionType);
        Assert.Null(fingerprint.TopFrame);
    }

    [Fact]
    public void Null_exception_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => _fingerprinter.Compute(null!));
    }

    [Fact]
    public async Task Concurrent_use_gives_the_same_keys()
    {
        var expected = Bug("async-throw").DedupKey;
        var exceptions = Enumerable.Range(0, 8).Select(_ => SampleBugs.All.Single(b => b.Name == "async-throw").Capture()).ToList();
        var shared = new ExceptionFingerprinter();

        var keys = await Task.WhenAll(exceptions.Select(e => Task.Run(() => shared.Compute(e).DedupKey)));

        Assert.All(keys, key => Assert.Equal(expected, key));
    }

    private static void WrapAtOneSite(Exception cause)
    {
        try
        {
            throw cause;
        }
        catch (Exception e)
        {
            throw new InvalidOperationException("wrapped", e);
        }
    }

    private static Exception ThrowAndCatch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("Expected an exception.");
    }

    private sealed class HostileException : Exception
    {
        public override string Message => throw new NotSupportedException("Message");

        public override string StackTrace => throw new NotSupportedException("StackTrace");

        public override IDictionary Data => throw new NotSupportedException("Data");

        public override string? Source
        {
            get => throw new NotSupportedException("Source");
            set => throw new NotSupportedException("Source");
        }

        public override string ToString() => throw new NotSupportedException("ToString");

        public override Exception GetBaseException() => throw new NotSupportedException("GetBaseException");
    }
}
