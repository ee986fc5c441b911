using System;
using System.Runtime.CompilerServices;

namespace PagerDutySinks.Serilog.Tests.Support;

/// <summary>Exceptions with a real stack trace, as an application would log them.</summary>
public static class Failures
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static InvalidOperationException OutOfStock(string message = "no stock for item 7")
    {
        try
        {
            throw new InvalidOperationException(message);
        }
        catch (InvalidOperationException caught)
        {
            return caught;
        }
    }
}
