using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Shop.Checkout
{
    /// <summary>The payment gateway did not answer in time.</summary>
    public sealed class PaymentGatewayTimeoutException : TimeoutException
    {
        public PaymentGatewayTimeoutException(string message)
            : base(message)
        {
        }

        public PaymentGatewayTimeoutException()
        {
        }

        public PaymentGatewayTimeoutException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }

    internal static class CheckoutService
    {
        /// <summary>The hot path that starts failing: every order times out at the payment gateway.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void PlaceOrder(int orderId) =>
            throw new PaymentGatewayTimeoutException($"Payment gateway did not answer within 3000 ms for order {orderId}");
    }
}

namespace Shop.Inventory
{
    internal static class InventoryService
    {
        /// <summary>A second, unrelated bug: a SKU missing from the stock table.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Reserve(string sku)
        {
            var stock = new Dictionary<string, int> { ["SKU-1"] = 3 };
            _ = stock[sku];
        }
    }
}
