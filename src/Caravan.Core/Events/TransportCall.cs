using Caravan.Core.Geography;

namespace Caravan.Core.Events;

/// <summary>
/// Where a TRANSPORT event (or, optionally, an EQUIPMENT event) happened on the journey: a call of a vessel, train,
/// truck or barge at a place (DCSA T&amp;T transport call, with v3's <c>transportCallReference</c>).
/// </summary>
/// <param name="ModeOfTransport">The mode of the call.</param>
/// <param name="UNLocationCode">The place, by UN/LOCODE.</param>
/// <param name="FacilityTypeCode">The kind of place.</param>
/// <param name="TransportCallReference">The carrier's reference for the call, 1–100 characters.</param>
/// <param name="CarrierServiceCode">The carrier's service code, at most 5 characters (DCSA), or null.</param>
/// <param name="VesselIMONumber">For a VESSEL or BARGE call: the 7-digit IMO number, or null.</param>
/// <param name="VesselName">The vessel's name, at most 35 characters, or null.</param>
/// <param name="RailService">For a RAIL call: the train service, at most 50 characters (DCSA v3 <c>railService</c>), or null.</param>
public sealed record TransportCall(
    ModeOfTransport ModeOfTransport,
    Locode UNLocationCode,
    FacilityTypeCode FacilityTypeCode,
    string TransportCallReference,
    string? CarrierServiceCode,
    string? VesselIMONumber,
    string? VesselName,
    string? RailService);
