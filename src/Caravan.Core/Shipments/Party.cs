using Caravan.Core.Geography;

namespace Caravan.Core.Shipments;

/// <summary>
/// An organisation on the corridor that takes part in shipments: a forwarder, a railway, a ferry line, a customs
/// authority. Its <see cref="Kind"/> decides which roles it can hold on a shipment (<see cref="ShipmentRoles"/>).
/// </summary>
/// <param name="Id">The platform's identifier of the party.</param>
/// <param name="Name">The name people know it by, e.g. "Kazakhstan Temir Zholy".</param>
/// <param name="Country">Where it is registered (ISO 3166-1 alpha-2).</param>
/// <param name="Kind">What it is.</param>
public sealed record Party(PartyId Id, string Name, CountryCode Country, PartyKind Kind);
