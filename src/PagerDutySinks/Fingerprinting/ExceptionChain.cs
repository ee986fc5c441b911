using System;
using System.Collections.Generic;
using System.Reflection;

namespace PagerDutySinks.Fingerprinting;

// The exceptions that describe one failure, outermost first: inner exceptions followed, AggregateException children
// expanded and TargetInvocationException unwrapped, because those wrappers say how the failure travelled (Task.Wait,
// reflection), not what went wrong.
internal static class ExceptionChain
{
    // Bounds pathological graphs (huge aggregates, self-referencing custom exceptions).
    public const int MaxExceptions = 16;

    public static List<Exception> Flatten(Exception exception)
    {
        var result = new List<Exception>();
        var seen = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
        Visit(exception, result, seen);
        if (result.Count == 0)
        {
            result.Add(exception);
        }

        return result;
    }

    private static void Visit(Exception? exception, List<Exception> result, HashSet<Exception> seen)
    {
        while (exception is not null && result.Count < MaxExceptions && seen.Add(exception))
        {
            if (exception is TargetInvocationException { InnerException: { } invoked })
            {
                exception = invoked;
                continue;
            }

            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                foreach (var child in aggregate.InnerExceptions)
                {
                    Visit(child, result, seen);
                }

                return;
            }

            result.Add(exception);
            exception = exception.InnerException;
        }
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<Exception>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(Exception? x, Exception? y) => ReferenceEquals(x, y);

        public int GetHashCode(Exception obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
