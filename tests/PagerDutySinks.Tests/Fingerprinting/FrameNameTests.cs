using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using PagerDutySinks.Fingerprinting;
using Probe.Orders;

namespace PagerDutySinks.Tests.Fingerprinting;

public sealed class FrameNameTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly InAppFilter Filter = new(Array.Empty<string>(), new FingerprintOptions().InAppExclude);

    [Theory]
    [InlineData("Place", "Place", "Place")]
    [InlineData("List`1", "List", "List")]
    [InlineData("<Place>d__5", "Place", "Place")]
    [InlineData("<Place>d__5`1", "Place", "Place")]
    [InlineData("<Place>b__0_0", "Place{lambda}", "Place")]
    [InlineData("<Place>b__12", "Place{lambda}", "Place")]
    [InlineData("<.ctor>b__3_1", ".ctor{lambda}", ".ctor")]
    [InlineData("<Place>g__Check|0_0", "Place.Check", "Place")]
    [InlineData("<<Place>g__CheckAsync|4_0>d", "Place.CheckAsync", "Place")]
    [InlineData("<<Place>b__2_0>d", "Place{lambda}", "Place")]
    [InlineData("<<Main>$>g__Run|0_0", "Main.Run", "Main")]
    [InlineData("<>c", "", "")]
    [InlineData("<>c__DisplayClass0_0", "", "")]
    [InlineData("<Broken", "<Broken", "<Broken")]
    public void Compiler_generated_names_become_source_names(string generated, string expected, string expectedOwner)
    {
        Assert.Equal(expected, CompilerGeneratedNames.Normalize(generated, out var owner));
        Assert.Equal(expectedOwner, owner);
    }

    [Fact]
    public void Ordinals_do_not_survive_normalization()
    {
        Assert.Equal(
            CompilerGeneratedNames.Normalize("<Place>b__0_0", out _),
            CompilerGeneratedNames.Normalize("<Place>b__17_3", out _));
        Assert.Equal(
            CompilerGeneratedNames.Normalize("<Place>d__5", out _),
            CompilerGeneratedNames.Normalize("<Place>d__41", out _));
    }

    [Fact]
    public void Lambda_method_is_named_after_its_owner_in_the_real_type()
    {
        var lambda = GeneratedMethods(typeof(Pricing)).Single(m => m.Name.StartsWith("<Total>b__", StringComparison.Ordinal));

        var frame = MethodNames.Describe(lambda, Filter);

        Assert.Equal("Probe.Orders.Pricing.Total{lambda}", frame.Name);
        Assert.Equal("Probe.Orders.Pricing.Total", frame.Anchor);
        Assert.True(frame.IsInApp);
        Assert.False(frame.IsInliningBarrier);
    }

    [Fact]
    public void Local_function_is_named_method_dot_function()
    {
        var local = GeneratedMethods(typeof(Shipping)).Single(m => m.Name.Contains("g__Check", StringComparison.Ordinal));

        var frame = MethodNames.Describe(local, Filter);

        Assert.Equal("Probe.Orders.Shipping.Quote.Check", frame.Name);
        Assert.Equal("Probe.Orders.Shipping.Quote", frame.Anchor);
    }

    [Fact]
    public void Async_state_machine_is_named_after_the_method_and_is_an_inlining_barrier()
    {
        var stateMachine = typeof(Checkout).GetMethod(nameof(Checkout.ConfirmAsync))!
            .GetCustomAttribute<AsyncStateMachineAttribute>()!.StateMachineType;

        var frame = MethodNames.Describe(stateMachine.GetMethod("MoveNext", Everything)!, Filter);

        Assert.Equal("Probe.Orders.Checkout.ConfirmAsync", frame.Name);
        Assert.True(frame.IsInliningBarrier);
    }

    [Fact]
    public void Async_lambda_state_machine_is_named_after_the_lambda_owner()
    {
        var moveNext = GeneratedTypes(typeof(Pricing))
            .Where(t => t.Name.StartsWith("<<TotalLaterAsync>b__", StringComparison.Ordinal))
            .Select(t => t.GetMethod("MoveNext", Everything)!)
            .Single();

        var frame = MethodNames.Describe(moveNext, Filter);

        Assert.Equal("Probe.Orders.Pricing.TotalLaterAsync{lambda}", frame.Name);
        Assert.Equal("Probe.Orders.Pricing.TotalLaterAsync", frame.Anchor);
        Assert.True(frame.IsInliningBarrier);
    }

    [Fact]
    public void Iterator_is_named_after_the_method()
    {
        var stateMachine = typeof(Catalog).GetMethod(nameof(Catalog.Lines))!
            .GetCustomAttribute<IteratorStateMachineAttribute>()!.StateMachineType;

        var frame = MethodNames.Describe(stateMachine.GetMethod("MoveNext", Everything)!, Filter);

        Assert.Equal("Probe.Orders.Catalog.Lines", frame.Name);
    }

    [Fact]
    public void Generic_instantiations_have_one_name()
    {
        var ofInt = MethodNames.Describe(typeof(Repository<int>).GetMethod("Save")!, Filter);
        var ofString = MethodNames.Describe(typeof(Repository<string>).GetMethod("Save")!, Filter);
        var open = MethodNames.Describe(typeof(Repository<>).GetMethod("Save")!, Filter);

        Assert.Equal("Probe.Orders.Repository.Save", ofInt.Name);
        Assert.Equal(ofInt.Name, ofString.Name);
        Assert.Equal(ofInt.Name, open.Name);
    }

    [Fact]
    public void No_inlining_and_does_not_return_methods_are_barriers()
    {
        var guard = MethodNames.Describe(typeof(Checkout).GetMethod("EnsurePositiveNoInlining", Everything)!, Filter);
        var helper = MethodNames.Describe(typeof(Checkout).GetMethod("ThrowUnknownOrder", Everything)!, Filter);
        var plain = MethodNames.Describe(typeof(Checkout).GetMethod("EnsurePositive", Everything)!, Filter);

        Assert.True(guard.IsInliningBarrier);
        Assert.True(helper.IsInliningBarrier);
        Assert.False(plain.IsInliningBarrier);
    }

    [Fact]
    public void Nested_types_use_dots_and_framework_types_are_not_in_app()
    {
        var nested = MethodNames.Describe(typeof(Outer.Inner).GetMethod(nameof(Outer.Inner.Run))!, Filter);
        var framework = MethodNames.Describe(typeof(string).GetMethod(nameof(string.Trim), Type.EmptyTypes)!, Filter);

        Assert.Equal("PagerDutySinks.Tests.Fingerprinting.FrameNameTests.Outer.Inner.Run", nested.Name);
        Assert.False(nested.IsInApp);
        Assert.Equal("System.String.Trim", framework.Name);
        Assert.False(framework.IsInApp);
    }

    private static MethodInfo[] GeneratedMethods(Type type) =>
        GeneratedTypes(type).Prepend(type).SelectMany(t => t.GetMethods(Everything)).ToArray();

    private static Type[] GeneratedTypes(Type type) =>
        type.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public)
            .SelectMany(t => GeneratedTypes(t).Prepend(t))
            .ToArray();

    private static class Outer
    {
        public static class Inner
        {
            public static void Run()
            {
            }
        }
    }
}
