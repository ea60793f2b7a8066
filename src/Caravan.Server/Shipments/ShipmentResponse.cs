using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Server.Events;
using Caravan.Server.Json;
using Caravan.Server.Planning;
using Caravan.Server.Progress;
using Caravan.Storage;

namespace Caravan.Server.Shipments;

/// <summary>
/// A shipment as the API shows it to a party holding a role on it, with that party's roles, and its status and latest
/// actual event derived from its chain on every read, its estimated arrival once a tracker on it has been followed
/// (<see cref="Eta"/>; null before that), and how many of its alerts are unresolved (<see cref="Alerts"/>).
/// </summary>
public sealed record ShipmentResponse(
    string Id,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> YourRoles,
    IReadOnlyList<ShipmentPartyResponse> Parties,
    ConsignmentResponse Consignment,
    IReadOnlyList<ContainerResponse> Containers,
    ItineraryResponse Itinerary,
    string Status,
    RawJson? LatestEvent,
    EtaResponse? Eta,
    TemperatureRangeBody? TemperatureRange,
    AlertCountsResponse Alerts)
{
    /// <summary>The response for <paramref name="shipment"/>; without <paramref name="status"/> (a shipment just booked) it is booked, without <paramref name="alerts"/> it has none.</summary>
    public static ShipmentResponse From(
        Shipment shipment, IReadOnlyList<ShipmentRole> yourRoles, ShipmentStatus? status = null, EtaSnapshot? eta = null, UnresolvedAlertCounts? alerts = null)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(yourRoles);
        var c = shipment.Consignment;
        return new ShipmentResponse(
            shipment.Id.Value,
            shipment.CreatedBy.Value,
            shipment.CreatedAt,
            yourRoles.Select(EnumText.Of).ToList(),
            shipment.Parties.Select(p => new ShipmentPartyResponse(p.Party.Value, EnumText.Of(p.Role))).ToList(),
            new ConsignmentResponse(
                c.Consignor.Value,
                c.Consignee.Value,
                c.PlaceOfTakingOver.Value,
                c.PlaceOfDelivery.Value,
                c.GoodsDescription,
                c.HsCode.Value,
                c.NumberOfPackages,
                c.GrossMassKg),
            shipment.Containers.Select(x => new ContainerResponse(
                x.Number.Value,
                x.Seals.Select(s => new SealResponse(s.Number, EnumText.Of(s.Source))).ToList())).ToList(),
            ItineraryResponse.From(shipment.Itinerary),
            EnumText.Of(status?.State ?? ShipmentState.Booked),
            status?.LatestEvent is { } latest ? new RawJson(latest.CanonicalJson) : null,
            eta is null ? null : EtaResponse.From(eta),
            shipment.TemperatureRange is { } range ? new TemperatureRangeBody(range.MinC, range.MaxC) : null,
            new AlertCountsResponse(alerts?.Open ?? 0, alerts?.Acknowledged ?? 0));
    }
}
