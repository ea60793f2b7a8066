using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>A party's webhook, without its secret: where notifications about the party's shipments are posted.</summary>
public sealed record WebhookInfo(string Id, PartyId Party, Uri Url, DateTimeOffset CreatedAt);
