namespace Caravan.Core.Shipments;

/// <summary>
/// A consignment on its way: the parties in their roles, the consignment note's fields, the containers with their
/// seals and the itinerary it was booked on. Its status is not here: it is derived from the shipment's events.
/// </summary>
public sealed record Shipment
{
    public required ShipmentId Id { get; init; }

    /// <summary>The forwarder or shipper that booked it.</summary>
    public required PartyId CreatedBy { get; init; }

    /// <summary>When it was booked (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    public required IReadOnlyList<ShipmentParty> Parties { get; init; }

    public required Consignment Consignment { get; init; }

    public required IReadOnlyList<ShipmentContainer> Containers { get; init; }

    public required ShipmentItinerary Itinerary { get; init; }

    /// <summary>The temperature a reefer shipment must be kept at; null when none was booked (no temperature alert).</summary>
    public TemperatureRange? TemperatureRange { get; init; }

    /// <summary>The roles <paramref name="party"/> holds on this shipment; empty when it holds none.</summary>
    public IReadOnlyList<ShipmentRole> RolesOf(PartyId party) =>
        Parties.Where(p => p.Party == party).Select(p => p.Role).Distinct().ToList();
}
