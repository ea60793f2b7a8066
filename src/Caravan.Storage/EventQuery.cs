namespace Caravan.Storage;

/// <summary>
/// The filters of <c>GET /v2/events</c> (DCSA T&amp;T v2.2): lists are OR within, every filter ANDs with the others;
/// an empty list or a null value does not filter. Times are compared in UTC.
/// </summary>
public sealed record EventQuery
{
    public IReadOnlyList<string> EventTypes { get; init; } = [];

    public IReadOnlyList<string> ShipmentEventTypeCodes { get; init; } = [];

    public IReadOnlyList<string> TransportEventTypeCodes { get; init; } = [];

    public IReadOnlyList<string> EquipmentEventTypeCodes { get; init; } = [];

    public string? EquipmentReference { get; init; }

    public string? CarrierBookingReference { get; init; }

    public string? TransportDocumentReference { get; init; }

    /// <summary>Matches the event location or the transport call's location.</summary>
    public string? UNLocationCode { get; init; }

    /// <summary>Bounds on <c>eventCreatedDateTime</c>: operator (<c>gte gt lte lt eq</c>) and time, all of which must hold.</summary>
    public IReadOnlyList<(string Operator, DateTimeOffset Time)> EventCreatedDateTime { get; init; } = [];
}
