namespace AspNetCore;

/// <summary>The sample's log messages, generated at compile time.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Order {OrderId} could not be charged")]
    public static partial void OrderFailed(ILogger logger, int orderId, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Order {OrderId} recovered")]
    public static partial void OrderRecovered(ILogger logger, int orderId);
}
