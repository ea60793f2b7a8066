using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning.Search;

namespace Caravan.Core.Planning;

/// <summary>
/// Turns a destination label's chain of moves into an <see cref="Itinerary"/>: groups moves into legs, scales
/// cost and CO2e to the consignment, leaves the origin as late as still catches the first service, and adds
/// arrival percentiles.
/// </summary>
internal static class ItineraryBuilder
{
    public static Itinerary Build(CorridorNetwork network, Label[] labels, int destination, RouteRequest request, int windowEnd)
    {
        var costFactor = request.Containers.Sum(c => c.Count * c.Type.CostFactor);
        var co2eFactor = request.Containers.Sum(c => c.Count * c.Type.Teu * c.Type.Co2eFactor);

        var moves = new List<Label>();
        for (var i = destination; labels[i].Kind != MoveKind.Origin; i = labels[i].Parent)
        {
            moves.Add(labels[i]);
        }

        moves.Reverse();
        var shift = LateDepartureShift(network, labels, moves, windowEnd);
        var groups = Group(moves);
        var legs = new List<Leg>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var (start, count) = groups[g];
            var leading = groups.Take(g + 1).All(x => moves[x.Start].Kind == MoveKind.Continuous);
            legs.Add(BuildLeg(network, labels, moves.GetRange(start, count), costFactor, co2eFactor, leading ? shift : 0));
        }

        var departure = moves[0].MoveStart + (moves[0].Kind == MoveKind.Continuous ? shift : 0);
        var (p50, p90) = Reliability.ArrivalPercentiles(network, moves, departure);
        var corridors = legs
            .SelectMany(l => l.Links.Select(k => k.CorridorId))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(id => network.FindCorridor(id))
            .OfType<Corridor>()
            .ToList();
        return new Itinerary
        {
            Legs = legs,
            ArrivalP50 = PlannerClock.ToTime(p50),
            ArrivalP90 = PlannerClock.ToTime(p90),
            Countries = Collapse(legs.SelectMany(l => l.Countries)),
            Corridors = corridors,
        };
    }

    /// <summary>
    /// Minutes the leading continuous legs can leave later and still catch the first ride, so an itinerary's
    /// transit time does not count waiting that could have been spent at the origin. Capped by the window.
    /// </summary>
    private static int LateDepartureShift(CorridorNetwork network, Label[] labels, List<Label> moves, int windowEnd)
    {
        var firstRide = moves.FindIndex(m => m.Kind == MoveKind.Ride);
        if (firstRide <= 0)
        {
            return 0;
        }

        var ride = moves[firstRide];
        var before = moves[firstRide - 1];
        var ready = before.Time + network.DwellP50Minutes[before.Terminal] + network.HandlingMinutes[before.Terminal];
        var deadline = ride.TripStart + network.StopDepartureMinutes[ride.BoardStop] - network.ServiceCutoffMinutes[ride.Via];
        var slack = Math.Max(0, deadline - ready);
        return Math.Max(0, Math.Min(slack, windowEnd - moves[0].MoveStart));
    }

    private static List<(int Start, int Count)> Group(List<Label> moves)
    {
        var groups = new List<(int Start, int Count)>();
        for (var i = 0; i < moves.Count; i++)
        {
            var continuesRun = i > 0 && moves[i].Kind == MoveKind.Continuous && moves[i - 1].Kind == MoveKind.Continuous
                && !moves[i].Transferred && moves[i].Context == moves[i - 1].Context;
            if (continuesRun)
            {
                groups[^1] = (groups[^1].Start, groups[^1].Count + 1);
            }
            else
            {
                groups.Add((i, 1));
            }
        }

        return groups;
    }

    private static Leg BuildLeg(CorridorNetwork network, Label[] labels, List<Label> moves, double costFactor, double co2eFactor, int shift)
    {
        var first = moves[0];
        var from = network.Terminals[labels[first.Parent].Terminal];
        var to = network.Terminals[moves[^1].Terminal];
        var transfer = first.Transferred;
        var handlingUsd = transfer ? network.HandlingUsd[labels[first.Parent].Terminal] * costFactor : 0;
        var hubCo2e = transfer ? network.HubCo2ePerTeu[labels[first.Parent].Terminal] * co2eFactor : 0;

        if (first.Kind == MoveKind.Ride)
        {
            var s = first.Via;
            var service = network.Services[s];
            var linkIndices = Enumerable.Range(first.BoardStop + 1, first.AlightStop - first.BoardStop).Select(k => network.StopInboundLink[k]).ToList();
            var via = Enumerable.Range(first.BoardStop + 1, first.AlightStop - first.BoardStop - 1).Select(k => network.Terminals[network.StopTerminal[k]]).ToList();
            var km = network.StopCumulativeKm[first.AlightStop] - network.StopCumulativeKm[first.BoardStop];
            var links = linkIndices.Select(l => network.Links[l]).ToList();
            return new Leg
            {
                From = from,
                To = to,
                Mode = service.Mode,
                Gauge = links[0].Gauge,
                Service = service,
                Operator = service.Operator,
                Departure = PlannerClock.ToTime(first.MoveStart),
                Arrival = PlannerClock.ToTime(first.Time),
                DistanceKm = km,
                FreightCostUsd = network.ServiceTotalKm[s] > 0 ? network.ServicePriceUsd[s] * km / network.ServiceTotalKm[s] * costFactor : 0,
                HandlingCostUsd = handlingUsd,
                TransportCo2eKg = (network.StopCumulativeCo2ePerTeu[first.AlightStop] - network.StopCumulativeCo2ePerTeu[first.BoardStop]) * co2eFactor,
                HubCo2eKg = hubCo2e,
                Via = via,
                Links = links,
                Countries = Countries(from, links, via.Append(to).ToList()),
                StartsWithTransfer = transfer,
            };
        }

        var arcLinks = moves.Select(m => network.Links[network.ArcLink[m.Via]]).ToList();
        var passed = moves.Take(moves.Count - 1).Select(m => network.Terminals[m.Terminal]).ToList();
        return new Leg
        {
            From = from,
            To = to,
            Mode = arcLinks[0].Mode,
            Gauge = arcLinks[0].Gauge,
            Service = null,
            Operator = OperatorNames.Join(arcLinks.Select(l => l.Operator)),
            Departure = PlannerClock.ToTime(first.MoveStart + shift),
            Arrival = PlannerClock.ToTime(moves[^1].Time + shift),
            DistanceKm = arcLinks.Sum(l => l.DistanceKm),
            FreightCostUsd = moves.Sum(m => network.ArcCostUsd[m.Via]) * costFactor,
            HandlingCostUsd = handlingUsd,
            TransportCo2eKg = moves.Sum(m => network.ArcCo2ePerTeu[m.Via]) * co2eFactor,
            HubCo2eKg = hubCo2e,
            Via = passed,
            Links = arcLinks,
            Countries = Countries(from, arcLinks, passed.Append(to).ToList()),
            StartsWithTransfer = transfer,
        };
    }

    private static List<CountryCode> Countries(Terminal from, List<Link> links, List<Terminal> reached)
    {
        var sequence = new List<CountryCode> { from.Country };
        for (var i = 0; i < links.Count; i++)
        {
            sequence.AddRange(links[i].ViaCountries);
            sequence.Add(reached[i].Country);
        }

        return Collapse(sequence);
    }

    private static List<CountryCode> Collapse(IEnumerable<CountryCode> countries)
    {
        var result = new List<CountryCode>();
        foreach (var c in countries)
        {
            if (result.Count == 0 || result[^1] != c)
            {
                result.Add(c);
            }
        }

        return result;
    }
}
