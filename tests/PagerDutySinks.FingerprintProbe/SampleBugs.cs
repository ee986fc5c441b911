// Known bugs of a small "orders" application, shared by the fingerprint probe (a child process) and the in-process
// tests, so keys computed in different processes, builds and JIT modes can be compared by name.
using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Probe.Orders
{
    internal sealed class OrderException : Exception
    {
        public OrderException(string message, Exception inner)
            : base(message, inner)
        {
        }

        public OrderException()
        {
        }

        public OrderException(string message)
            : base(message)
        {
        }
    }

    internal static class Checkout
    {
        // Throws in its own body.
        public static int Place(int quantity)
        {
            var total = 0;
            for (var i = 0; i < quantity; i++)
            {
                total += i;
            }

            if (quantity <= 0)
            {
                throw new InvalidOperationException("Quantity " + quantity + " is not positive");
            }

            return total;
        }

        // Throws from a tiny guard helper: the shape the JIT likes to inline into the caller.
        public static int Submit(int quantity)
        {
            EnsurePositive(quantity);
            return quantity * 2;
        }

        private static void EnsurePositive(int quantity)
        {
            if (quantity <= 0)
            {
                throw new ArgumentException("Quantity must be positive", nameof(quantity));
            }
        }

        // The documented mitigation: a guard that is never inlined keeps its own frame.
        public static int SubmitGuarded(int quantity)
        {
            EnsurePositiveNoInlining(quantity);
            return quantity * 2;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void EnsurePositiveNoInlining(int quantity)
        {
            if (quantity <= 0)
            {
                throw new ArgumentException("Quantity must be positive", nameof(quantity));
            }
        }

        // The throw-helper pattern: a method that never returns is not inlined, so it stays the top frame.
        public static int Cancel(int orderId)
        {
            if (orderId <= 0)
            {
                ThrowUnknownOrder(orderId);
            }

            return orderId;
        }

        [DoesNotReturn]
        private static void ThrowUnknownOrder(int orderId) =>
            throw new KeyNotFoundException("Unknown order " + orderId);

        public static async Task<int> PlaceAsync(int quantity)
        {
            await Task.Yield();
            return Place(quantity);
        }

        public static async Task<int> ConfirmAsync(int quantity)
        {
            await Task.Yield();
            if (quantity <= 0)
            {
                throw new InvalidOperationException("Cannot confirm " + quantity);
            }

            return quantity;
        }

        // Throws before its first await: the exception still travels through the task.
        public static async Task<int> ReserveAsync(int quantity)
        {
            if (quantity <= 0)
            {
                throw new InvalidOperationException("Cannot reserve " + quantity);
            }

            await Task.Yield();
            return quantity;
        }
    }

    internal static class Refund
    {
        // Same exception type as Checkout.Place, different place: a different bug.
        public static int Issue(int amount)
        {
            var remaining = amount;
            while (remaining > 100)
            {
                remaining -= 100;
            }

            if (amount <= 0)
            {
                throw new InvalidOperationException("Amount " + amount + " is not positive");
            }

            return remaining;
        }
    }

    internal static class Pricing
    {
        public static decimal Total(IEnumerable<int> quantities) =>
            quantities.Select(q => q > 0 ? q * 9.99m : throw new InvalidOperationException("Bad quantity " + q)).Sum();

        public static Task<decimal> TotalLaterAsync(int quantity)
        {
            Func<Task<decimal>> compute = async () =>
            {
                await Task.Yield();
                if (quantity <= 0)
                {
                    throw new InvalidOperationException("Bad quantity " + quantity);
                }

                return quantity * 9.99m;
            };
            return compute();
        }
    }

    internal static class Shipping
    {
        public static decimal Quote(int weight)
        {
            var surcharge = weight > 50 ? 10m : 0m;
            return Check(weight) + surcharge;

            static decimal Check(int w)
            {
                if (w <= 0)
                {
                    throw new InvalidOperationException("Weight " + w + " is not positive");
                }

                return w * 1.5m;
            }
        }
    }

    internal static class Import
    {
        public static int ReadLine(string line)
        {
            var parts = line.Split(';');
            return ParseQuantity(parts[0]);
        }

        // A thin wrapper around a framework call that throws.
        private static int ParseQuantity(string text) => int.Parse(text, CultureInfo.InvariantCulture);

        public static int ReadWrapped(string line)
        {
            try
            {
                return ReadLine(line);
            }
            catch (FormatException e)
            {
                throw new OrderException("Unreadable order line", e);
            }
        }
    }

    internal sealed class Repository<T>
    {
        private readonly List<T> _items = new();

        public void Save(T item, bool valid)
        {
            if (!valid)
            {
                throw new InvalidOperationException("Cannot save " + item);
            }

            _items.Add(item);
        }
    }

    internal static class Cache
    {
        public static T Get<T>(string key)
        {
            if (key.Length == 0)
            {
                throw new KeyNotFoundException("Empty key for " + typeof(T).Name);
            }

            return default!;
        }
    }

    internal static class Catalog
    {
        public static IEnumerable<string> Lines(int failAt)
        {
            for (var i = 0; ; i++)
            {
                if (i == failAt)
                {
                    throw new InvalidOperationException("Line " + i + " is corrupt");
                }

                yield return "line " + i;
            }
        }

        public static int Count(int failAt)
        {
            var count = 0;
            foreach (var line in Lines(failAt))
            {
                count += line.Length;
            }

            return count;
        }
    }

    internal static class CategoryTree
    {
        public static int Walk(int depth)
        {
            if (depth == 0)
            {
                throw new InvalidOperationException("Cycle in category tree");
            }

            return 1 + Walk(depth - 1);
        }
    }

    internal static class Batch
    {
        public static void PlaceAll()
        {
            var tasks = new[] { Checkout.ConfirmAsync(0), Checkout.ConfirmAsync(-1) };
            Task.WaitAll(tasks);
        }

        public static int Invoke()
        {
            var method = typeof(Checkout).GetMethod(nameof(Checkout.Place))!;
            return (int)method.Invoke(null, new object[] { 0 })!;
        }
    }
}

namespace PagerDutySinks.FingerprintProbe
{
    using Probe.Orders;

    internal sealed record SampleBug(string Name, Func<Exception> Capture);

    // Runs each bug and returns what it threw. This namespace is excluded from in-app frames, like a host's catch
    // block would be.
    internal static class SampleBugs
    {
        public static IReadOnlyList<SampleBug> All { get; } = new SampleBug[]
        {
            new("sync", () => Catch(() => Checkout.Place(0))),
            new("sync-again", () => Catch(() => Checkout.Place(-5))),
            new("sync-other-site", () => Catch(() => Refund.Issue(0))),
            new("guard-helper", () => Catch(() => Checkout.Submit(0))),
            new("guard-noinlining", () => Catch(() => Checkout.SubmitGuarded(0))),
            new("throw-helper", () => Catch(() => Checkout.Cancel(0))),
            new("async", () => Catch(() => Checkout.PlaceAsync(0).GetAwaiter().GetResult())),
            new("async-wait", () => Catch(() => Checkout.PlaceAsync(0).Wait())),
            new("async-throw", () => Catch(() => Checkout.ConfirmAsync(0).GetAwaiter().GetResult())),
            new("async-before-await", () => Catch(() => Checkout.ReserveAsync(0).GetAwaiter().GetResult())),
            new("lambda", () => Catch(() => Pricing.Total(new[] { 1, 0 }))),
            new("async-lambda", () => Catch(() => Pricing.TotalLaterAsync(0).GetAwaiter().GetResult())),
            new("local-function", () => Catch(() => Shipping.Quote(0))),
            new("framework-throw", () => Catch(() => Import.ReadLine("x;1"))),
            new("inner", () => Catch(() => Import.ReadWrapped("x;1"))),
            new("generic-int", () => Catch(() => new Repository<int>().Save(1, valid: false))),
            new("generic-string", () => Catch(() => new Repository<string>().Save("a", valid: false))),
            new("generic-method-int", () => Catch(() => Cache.Get<int>(""))),
            new("generic-method-string", () => Catch(() => Cache.Get<string>(""))),
            new("iterator", () => Catch(() => Catalog.Count(3))),
            new("recursion-3", () => Catch(() => CategoryTree.Walk(3))),
            new("recursion-7", () => Catch(() => CategoryTree.Walk(7))),
            new("aggregate", () => Catch(Batch.PlaceAll)),
            new("target-invocation", () => Catch(() => Batch.Invoke())),
        };

        private static Exception Catch(Action bug)
        {
            try
            {
                bug();
            }
            catch (Exception e)
            {
                return e;
            }

            throw new InvalidOperationException("The sample bug did not throw.");
        }

        private static Exception Catch<T>(Func<T> bug) => Catch(() => { _ = bug(); });
    }
}
