namespace Caravan.Core.Network;

/// <summary>How a container moves along a link. Ferries cover the Caspian and Black Sea crossings
/// (rail ferries, ro-pax and container feeders); sea covers deep-sea container lines.</summary>
public enum TransportMode
{
    Rail,
    Road,
    Ferry,
    Sea,
}
