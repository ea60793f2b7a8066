using Caravan.Core.Events;
using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>The Ed25519 public keys parties sign their events with, and the private keys of custodial parties.</summary>
public interface IPartyKeyStore
{
    /// <summary>
    /// Registers <paramref name="key"/> to <paramref name="party"/>. Nothing is written when the key is already
    /// registered to the party, nor when another party holds it: a key (its RFC 7638 thumbprint, which is the kid and
    /// names one key's bytes) belongs to at most one party, so no party can claim another's signatures as its own. With
    /// <paramref name="custodialKey"/> (whose public half must be <paramref name="key"/>) the server keeps the private
    /// key too, and the key is marked custodial.
    /// </summary>
    Task<KeyAddResult> AddAsync(PartyId party, EventPublicKey key, EventSigningKey? custodialKey, DateTimeOffset addedAt, CancellationToken cancellationToken);

    /// <summary>The party's key with this kid, or null.</summary>
    Task<EventPublicKey?> FindAsync(PartyId party, string kid, CancellationToken cancellationToken);

    /// <summary>The party's keys, oldest first.</summary>
    Task<IReadOnlyList<PartyKeyInfo>> ListAsync(PartyId party, CancellationToken cancellationToken);

    /// <summary>The newest private key the server holds for the party, or null when it holds none. Dispose it when done.</summary>
    Task<EventSigningKey?> FindCustodialAsync(PartyId party, CancellationToken cancellationToken);
}
