namespace Caravan.Storage;

/// <summary>A webhook delivery whose next attempt is due: the body to post, where, the secret to sign it with, and the attempts so far.</summary>
public sealed record DueDelivery(long Id, string WebhookId, Uri Url, string Secret, string Event, byte[] Body, int Attempts);
