namespace Caravan.Server.Shipments;

/// <summary>A shipment to book: parties in roles, the consignment note fields, containers with seals, the chosen itinerary.</summary>
public sealed record ShipmentBody
{
    /// <summary>Other parties in their roles; the creator, the consignor and the consignee are added in theirs.</summary>
    public IReadOnlyList<ShipmentPartyBody>? Parties { get; init; }

    public ConsignmentBody? Consignment { get; init; }

    public IReadOnlyList<ContainerBody>? Containers { get; init; }

    public ItineraryChoiceBody? Itinerary { get; init; }

    /// <summary>For a reefer: the range the temperature alert judges readings against; absent, no temperature alert.</summary>
    public TemperatureRangeBody? TemperatureRange { get; init; }
}
