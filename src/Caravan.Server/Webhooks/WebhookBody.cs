namespace Caravan.Server.Webhooks;

/// <summary>A webhook to register: the URL notifications are posted to and, optionally, the secret to sign them with.</summary>
public sealed record WebhookBody(string? Url, string? Secret);
