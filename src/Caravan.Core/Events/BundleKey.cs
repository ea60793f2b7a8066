namespace Caravan.Core.Events;

/// <summary>A public key in a bundle and the party it belongs to; the key id is the key's own thumbprint.</summary>
public sealed record BundleKey(string PartyId, EventPublicKey Key)
{
    public string Kid => Key.Kid;
}
