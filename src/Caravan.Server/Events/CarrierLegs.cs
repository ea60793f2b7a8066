using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Shipments;

namespace Caravan.Server.Events;

/// <summary>
/// Which legs of a shipment a carrier operates: those whose operator text (<see cref="OperatorNames"/>, e.g.
/// <c>"ADY / GR"</c>) names the party by its id or its name, ignoring case
/// (party <c>ktz</c> operates the <c>KTZ</c> and <c>CR / KTZ</c> legs). A carrier that operates legs may write
/// events only at their terminals; one that operates none is not restricted to places.
/// </summary>
internal static class CarrierLegs
{
    public static IReadOnlyList<ShipmentLeg> OperatedBy(Party party, ShipmentItinerary itinerary) =>
        itinerary.Legs.Where(leg => OperatorNames.Split(leg.Operator)
            .Any(name => string.Equals(name, party.Id.Value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, party.Name, StringComparison.OrdinalIgnoreCase)))
        .ToList();

    /// <summary>The terminals at either end of <paramref name="legs"/>, in itinerary order.</summary>
    public static IReadOnlyList<Locode> Terminals(IReadOnlyList<ShipmentLeg> legs) =>
        legs.SelectMany(l => new[] { l.From, l.To }).Distinct().ToList();
}
