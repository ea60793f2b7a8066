using Caravan.Core.Events;
using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>A public key registered to a party; <see cref="Custodial"/> when the server also holds its private half (the demo parties).</summary>
public sealed record PartyKeyInfo(PartyId Party, EventPublicKey Key, bool Custodial, DateTimeOffset AddedAt)
{
    /// <summary>The key id, the key's RFC 7638 thumbprint.</summary>
    public string Kid => Key.Kid;
}
