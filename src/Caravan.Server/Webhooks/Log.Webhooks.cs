namespace Caravan.Server;

internal static partial class Log
{
    [LoggerMessage(EventId = 2515, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {WebhookId} refused and not made: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, long deliveryId, string webhookId, string reason);
}
