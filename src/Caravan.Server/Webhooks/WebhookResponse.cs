using Caravan.Storage;

namespace Caravan.Server.Webhooks;

/// <summary>A webhook as the API shows it; <c>secret</c> only in the answer to its registration.</summary>
public sealed record WebhookResponse(string Id, string Party, string Url, DateTimeOffset CreatedAt, string? Secret)
{
    public static WebhookResponse From(WebhookInfo webhook, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return new(webhook.Id, webhook.Party.Value, webhook.Url.AbsoluteUri, webhook.CreatedAt, secret);
    }
}
