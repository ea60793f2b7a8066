namespace Caravan.Server.Webhooks;

/// <summary>A webhook's receiver is at an address deliveries may not go to (<see cref="WebhookAddresses"/>); no connection was made.</summary>
public sealed class WebhookRefusedException : Exception
{
    public WebhookRefusedException()
    {
    }

    public WebhookRefusedException(string message)
        : base(message)
    {
    }

    public WebhookRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
