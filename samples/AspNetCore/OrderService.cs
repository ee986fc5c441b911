namespace AspNetCore;

/// <summary>Stands in for a payment call that fails.</summary>
internal static class OrderService
{
    public static void Charge(int orderId) =>
        throw new InvalidOperationException($"The payment gateway declined order {orderId}.");
}

/// <summary>How the sample names its order alerts.</summary>
internal static class OrderAlerts
{
    public const string OrdersCategory = "Orders.Api";

    public const string RecoveryCategory = "Orders.Recovery";

    public static string DedupKey(int orderId) => $"order-{orderId}";
}
