using System;
using System.Runtime.CompilerServices;

// Application code as the tests log it: outside the PagerDutySinks namespace, whose own events never page
// and whose stack frames are not the application's.
namespace Shop;

public sealed class CheckoutService;

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
