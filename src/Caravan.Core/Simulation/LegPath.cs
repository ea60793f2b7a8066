using Caravan.Core.Network;
using Caravan.Core.Shipments;

namespace Caravan.Core.Simulation;

/// <summary>
/// The terminals a booked leg passes, found again in the network (a booking keeps only its ends): a service's stops
/// between boarding and alighting with their timetabled offsets, or for a continuous leg the shortest chain of links of
/// the leg's mode. Offsets are hours after the departure from the first point; null on continuous legs.
/// </summary>
internal sealed record LegPath(IReadOnlyList<Terminal> Points, IReadOnlyList<(double Arrival, double Departure)>? Offsets, Service? Service)
{
    public static LegPath? Resolve(ShipmentLeg leg, CorridorNetwork network)
    {
        var from = network.FindTerminal(leg.From);
        var to = network.FindTerminal(leg.To);
        if (from is null || to is null)
        {
            return null;
        }

        var service = leg.ServiceId is null ? null : network.Services.FirstOrDefault(s => s.Id == leg.ServiceId);
        if (service is not null && FromTimetable(service, leg, network) is { } timetabled)
        {
            return timetabled;
        }

        return new LegPath(ShortestChain(network, from, to, leg.Mode), null, service);
    }

    private static LegPath? FromTimetable(Service service, ShipmentLeg leg, CorridorNetwork network)
    {
        var board = -1;
        for (var i = 0; i < service.Stops.Count; i++)
        {
            if (service.Stops[i].Locode == leg.From)
            {
                board = i;
            }
            else if (board >= 0 && service.Stops[i].Locode == leg.To)
            {
                var stops = service.Stops.Skip(board).Take(i - board + 1).ToList();
                var terminals = stops.Select(s => network.FindTerminal(s.Locode)).ToList();
                if (terminals.Any(t => t is null))
                {
                    return null;
                }

                var start = stops[0].DepartureHours ?? stops[0].ArrivalHours ?? 0;
                var offsets = stops.Select(s =>
                {
                    var arrival = (s.ArrivalHours ?? s.DepartureHours ?? start) - start;
                    return (arrival, Math.Max(arrival, (s.DepartureHours ?? s.ArrivalHours ?? start) - start));
                }).ToList();
                offsets[0] = (0, 0);
                return new LegPath(terminals!, offsets, service);
            }
        }

        return null;
    }

    // Dijkstra by distance over the links of one mode; a leg whose chain cannot be found is drawn as a straight line.
    private static List<Terminal> ShortestChain(CorridorNetwork network, Terminal from, Terminal to, TransportMode mode)
    {
        var adjacency = new Dictionary<Geography.Locode, List<(Geography.Locode To, double Km)>>();
        foreach (var link in network.Links.Where(l => l.Mode == mode))
        {
            Add(link.From, link.To, link.DistanceKm);
            if (link.Bidirectional)
            {
                Add(link.To, link.From, link.DistanceKm);
            }
        }

        var distance = new Dictionary<Geography.Locode, double> { [from.Locode] = 0 };
        var previous = new Dictionary<Geography.Locode, Geography.Locode>();
        var queue = new PriorityQueue<Geography.Locode, double>();
        queue.Enqueue(from.Locode, 0);
        while (queue.TryDequeue(out var at, out var km))
        {
            if (km > distance[at] || at == to.Locode)
            {
                continue;
            }

            foreach (var (next, length) in adjacency.GetValueOrDefault(at) ?? [])
            {
                var candidate = km + length;
                if (!distance.TryGetValue(next, out var known) || candidate < known)
                {
                    distance[next] = candidate;
                    previous[next] = at;
                    queue.Enqueue(next, candidate);
                }
            }
        }

        if (!previous.ContainsKey(to.Locode))
        {
            return [from, to];
        }

        var chain = new List<Terminal> { to };
        for (var at = to.Locode; at != from.Locode; at = previous[at])
        {
            chain.Insert(0, network.FindTerminal(previous[at])!);
        }

        return chain;

        void Add(Geography.Locode a, Geography.Locode b, double km)
        {
            if (!adjacency.TryGetValue(a, out var list))
            {
                adjacency[a] = list = [];
            }

            list.Add((b, km));
        }
    }
}
