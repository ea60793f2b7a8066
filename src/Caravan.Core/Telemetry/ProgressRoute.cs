using Caravan.Core.Network;
using Caravan.Core.Shipments;

namespace Caravan.Core.Telemetry;

/// <summary>
/// The terminals a shipment's container should pass, in order, with their geofences: every leg's ends and the stops a
/// timetabled service makes within a leg (border stations, gauge changes), taken from the network data. A terminal the
/// network no longer holds is left out: without a position it cannot be observed.
/// </summary>
public sealed class ProgressRoute
{
    private ProgressRoute(string shipmentId, ShipmentItinerary itinerary, IReadOnlyList<ProgressStop> stops)
    {
        ShipmentId = shipmentId;
        Itinerary = itinerary;
        Stops = stops;
    }

    /// <summary>The shipment the route belongs to.</summary>
    public string ShipmentId { get; }

    /// <summary>The itinerary it was booked on.</summary>
    public ShipmentItinerary Itinerary { get; }

    /// <summary>The stops in itinerary order; the first is the origin, the last the destination.</summary>
    public IReadOnlyList<ProgressStop> Stops { get; }

    /// <summary>The route of <paramref name="shipment"/> over <paramref name="network"/>, with geofences from <paramref name="radii"/>.</summary>
    public static ProgressRoute Of(Shipment shipment, CorridorNetwork network, GeofenceRadii radii)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(radii);
        var legs = shipment.Itinerary.Legs;
        var stops = new List<ProgressStop>();
        void Add(Network.Terminal? terminal, int leg, bool within, TransportMode? arriving, TransportMode? leaving, DateTimeOffset? arrival, DateTimeOffset? departure)
        {
            if (terminal is not null)
            {
                stops.Add(new ProgressStop(stops.Count, terminal, radii.For(terminal), leg, within, arriving, leaving, arrival, departure));
            }
        }

        for (var k = 0; k < legs.Count; k++)
        {
            var leg = legs[k];
            Add(network.FindTerminal(leg.From), k, false, k == 0 ? null : legs[k - 1].Mode, leg.Mode, k == 0 ? null : legs[k - 1].Arrival, leg.Departure);
            foreach (var (locode, arrivalHours, departureHours) in StopsWithin(network, leg))
            {
                Add(network.FindTerminal(locode), k, true, leg.Mode, leg.Mode, leg.Departure.AddHours(arrivalHours), leg.Departure.AddHours(departureHours));
            }
        }

        Add(network.FindTerminal(legs[^1].To), legs.Count, false, legs[^1].Mode, null, legs[^1].Arrival, null);
        return new ProgressRoute(shipment.Id.Value, shipment.Itinerary, stops);
    }

    /// <summary>The service's stops strictly between the leg's ends, with hours after the leg's departure.</summary>
    private static IEnumerable<(Geography.Locode Locode, double ArrivalHours, double DepartureHours)> StopsWithin(CorridorNetwork network, ShipmentLeg leg)
    {
        var service = leg.ServiceId is null ? null : network.Services.FirstOrDefault(s => s.Id == leg.ServiceId);
        if (service is null)
        {
            yield break;
        }

        var board = -1;
        for (var i = 0; i < service.Stops.Count; i++)
        {
            if (service.Stops[i].Locode == leg.From && service.Stops[i].DepartureHours is not null)
            {
                board = i;
                break;
            }
        }

        var alight = board < 0 ? -1 : IndexAfter(service, board, leg);
        if (alight < 0)
        {
            yield break;
        }

        var start = service.Stops[board].DepartureHours!.Value;
        for (var i = board + 1; i < alight; i++)
        {
            var stop = service.Stops[i];
            var arrival = (stop.ArrivalHours ?? stop.DepartureHours ?? start) - start;
            yield return (stop.Locode, arrival, (stop.DepartureHours ?? stop.ArrivalHours ?? start) - start);
        }
    }

    private static int IndexAfter(Service service, int board, ShipmentLeg leg)
    {
        for (var i = board + 1; i < service.Stops.Count; i++)
        {
            if (service.Stops[i].Locode == leg.To)
            {
                return i;
            }
        }

        return -1;
    }
}
