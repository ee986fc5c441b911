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

    public static List<ChainLink> Flatten(Exception exception)
    {
        // Most logged exceptions stand alone: no set of visited exceptions is needed for those.
        if (exception.InnerException is null && exception is not AggregateException)
        {
            return new List<ChainLink>(1) { new(exception, IsCause: false) };
        }

        var result = new List<ChainLink>();
        var seen = new HashSet<Exception>(ReferenceComparer<Exception>.Instance);
        Visit(exception, isCause: false, result, seen);
        if (result.Count == 0)
        {
            result.Add(new ChainLink(exception, IsCause: false));
        }

        return result;
    }

    private static void Visit(Exception? exception, bool isCause, List<ChainLink> result, HashSet<Exception> seen)
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
                    Visit(child, isCause, result, seen);
                }

                return;
            }

            result.Add(new ChainLink(exception, isCause));
            exception = exception.InnerException;
            isCause = true;
        }
    }

    // A cause is an exception reached through InnerException of a real exception (not of a wrapper): its type
    // matters, its location is already given by the exception that wraps it.
    internal readonly record struct ChainLink(Exception Exception, bool IsCause);
}
