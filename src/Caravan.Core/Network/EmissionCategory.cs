namespace Caravan.Core.Network;

/// <summary>Transport chain element kinds of ISO 14083: a transport operation or a hub operation.</summary>
public enum EmissionCategory
{
    Transport,
    Hub,
}
