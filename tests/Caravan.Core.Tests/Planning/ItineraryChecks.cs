using Caravan.Core.Network;
using Caravan.Core.Planning;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// Checks an itinerary against the records it was planned on — not against the planner's arrays — so a property
/// test can say "every returned itinerary is feasible" and mean it: legs connect, times add up, every ride is a
/// real timetabled trip whose cut-off the container made, totals are what the records price, constraints hold.
/// </summary>
internal static class ItineraryChecks
{
    private const int MinutesPerWeek = 7 * 24 * 60;

    public static void AssertFeasible(PlanningCase c, Itinerary itinerary)
    {
        var request = c.Request;
        var constraints = request.Constraints;
        var terminals = c.Terminals.ToDictionary(t => t.Locode);
        var start = PlanningCase.Minutes(request.EarliestDeparture);
        var windowEnd = start + (int)request.DepartureWindow.TotalMinutes;
        var costFactor = request.Containers.Sum(x => x.Count * x.Type.CostFactor);
        var co2eFactor = request.Containers.Sum(x => x.Count * x.Type.Teu * x.Type.Co2eFactor);
        var legs = itinerary.Legs;

        Assert.NotEmpty(legs);
        Assert.Equal(request.Origin, legs[0].From.Locode);
        Assert.Equal(request.Destination, legs[^1].To.Locode);
        Assert.InRange(PlanningCase.Minutes(itinerary.Departure), start, windowEnd);
        Assert.True(itinerary.Arrival <= request.EarliestDeparture + request.Horizon, "arrives within the horizon");
        Assert.True(itinerary.ArrivalP50 <= itinerary.ArrivalP90, "P50 <= P90");
        if (constraints.MaxTransfers is { } max)
        {
            Assert.InRange(itinerary.Transfers, 0, max);
        }

        Assert.DoesNotContain(itinerary.Countries, constraints.AvoidCountries.Contains);
        var firstRide = legs.Select((l, i) => (l, i)).FirstOrDefault(x => x.l.Service is not null);
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            var from = terminals[leg.From.Locode];
            Assert.True(leg.Departure <= leg.Arrival, $"leg {i} does not arrive before it leaves");
            Assert.Equal(i > 0, leg.StartsWithTransfer);
            if (i > 0)
            {
                Assert.Equal(legs[i - 1].To.Locode, leg.From.Locode);
            }

            var ready = i == 0
                ? start
                : PlanningCase.Minutes(legs[i - 1].Arrival) + PlanningCase.Minutes(from.DwellP50Hours) + PlanningCase.Minutes(from.HandlingHours);
            var handling = leg.StartsWithTransfer ? from.HandlingUsd * costFactor : 0;
            var hub = leg.StartsWithTransfer ? TestNetwork.HubKgPerTeu * co2eFactor : 0;
            Assert.Equal(handling, leg.HandlingCostUsd, 6);
            Assert.Equal(hub, leg.HubCo2eKg, 6);
            Assert.True(
                leg.Via.Append(leg.To).All(t => t.Locode != request.Origin),
                $"leg {i} comes back to the origin {request.Origin}");
            foreach (var t in leg.Via.Append(leg.To).Append(leg.From))
            {
                Assert.DoesNotContain(t.Locode, constraints.AvoidTerminals);
                Assert.DoesNotContain(t.Country, constraints.AvoidCountries);
            }

            foreach (var link in leg.Links)
            {
                Assert.True(constraints.Allows(link.Mode), $"mode {link.Mode} is allowed");
                Assert.DoesNotContain(link.ViaCountries, constraints.AvoidCountries.Contains);
            }

            if (leg.Service is { } service)
            {
                AssertRide(c, leg, service, ready, i == 0 ? windowEnd : int.MaxValue, costFactor, co2eFactor);
            }
            else
            {
                AssertRun(c, leg, i == 0 ? null : ready, costFactor, co2eFactor);
            }

            if (firstRide.l is not null && i == firstRide.i - 1)
            {
                // Leaving the origin as late as still catches the first ride: no slack before its cut-off, unless the
                // departure window ends first.
                var nextReady = PlanningCase.Minutes(leg.Arrival) + PlanningCase.Minutes(terminals[leg.To.Locode].DwellP50Hours)
                    + PlanningCase.Minutes(terminals[leg.To.Locode].HandlingHours);
                var deadline = PlanningCase.Minutes(firstRide.l.Departure) - PlanningCase.Minutes(firstRide.l.Service!.CutoffHours);
                Assert.True(
                    nextReady == deadline || PlanningCase.Minutes(legs[0].Departure) == windowEnd,
                    $"leading legs leave as late as still catches the first ride (ready {nextReady}, cut-off {deadline})");
            }
        }
    }

    /// <summary>No itinerary is at least as good as another on arrival, cost and CO2e (with float noise allowed).</summary>
    public static void AssertMutuallyNonDominated(IReadOnlyList<Itinerary> front)
    {
        const double Noise = 1e-7;
        for (var a = 0; a < front.Count; a++)
        {
            for (var b = 0; b < front.Count; b++)
            {
                var x = front[a];
                var y = front[b];
                var dominates = a != b && x.Arrival <= y.Arrival && x.CostUsd <= y.CostUsd + Noise && x.Co2eKg <= y.Co2eKg + Noise;
                Assert.False(dominates, $"itinerary {a} ({x.Arrival:o}, ${x.CostUsd}, {x.Co2eKg} kg) dominates {b} ({y.Arrival:o}, ${y.CostUsd}, {y.Co2eKg} kg)");
            }
        }
    }

    private static void AssertRide(PlanningCase c, Leg leg, Service service, int ready, int latestLeave, double costFactor, double co2eFactor)
    {
        var stops = service.Stops.Select(s => s.Locode).ToList();
        var board = stops.IndexOf(leg.From.Locode);
        var alight = stops.IndexOf(leg.To.Locode);
        Assert.True(board >= 0 && alight > board, $"{service.Id} calls at {leg.From.Locode} and later at {leg.To.Locode}");
        var leave = PlanningCase.Minutes(leg.Departure);
        var tripStart = leave - PlanningCase.Minutes(service.Stops[board].DepartureHours ?? 0);
        var minuteOfWeek = ((tripStart % MinutesPerWeek) + MinutesPerWeek) % MinutesPerWeek;
        Assert.Contains(minuteOfWeek, service.Departures.Select(d => d.MinuteOfWeek));
        var cutoff = PlanningCase.Minutes(service.CutoffHours);
        Assert.True(ready <= leave - cutoff, $"{service.Id} boarded at {leg.From.Locode} after the cut-off (ready {ready}, leaves {leave}, cut-off {cutoff} min)");
        Assert.True(leave <= latestLeave, "the first ride leaves within the departure window");
        Assert.Equal(tripStart, BruteForceSearch.FirstTrip(service, ready - PlanningCase.Minutes(service.Stops[board].DepartureHours ?? 0) + cutoff));
        Assert.Equal(tripStart + PlanningCase.Minutes(service.Stops[alight].ArrivalHours ?? 0), PlanningCase.Minutes(leg.Arrival));
        Assert.Equal(stops.Skip(board + 1).Take(alight - board - 1), leg.Via.Select(v => v.Locode));

        var stretches = Enumerable.Range(board + 1, alight - board).Select(k => BruteForceSearch.Stretch(c, service, stops[k - 1], stops[k])).ToList();
        var total = Enumerable.Range(1, stops.Count - 1).Sum(k => BruteForceSearch.Stretch(c, service, stops[k - 1], stops[k]).DistanceKm);
        var km = stretches.Sum(l => l.DistanceKm);
        Assert.Equal(stretches.Select(l => l.Id), leg.Links.Select(l => l.Id));
        Assert.Equal(km, leg.DistanceKm, 6);
        Assert.Equal(service.PriceUsd * km / total * costFactor, leg.FreightCostUsd, 6);
        Assert.Equal(stretches.Sum(l => l.DistanceKm * KgPerTeuKm(l.Mode)) * co2eFactor, leg.TransportCo2eKg, 6);
    }

    private static void AssertRun(PlanningCase c, Leg leg, int? ready, double costFactor, double co2eFactor)
    {
        var terminals = c.Terminals.ToDictionary(t => t.Locode);
        var at = leg.From.Locode;
        var reached = leg.Via.Append(leg.To).ToList();
        Assert.Equal(reached.Count, leg.Links.Count);
        var minutes = 0;
        for (var k = 0; k < leg.Links.Count; k++)
        {
            var link = leg.Links[k];
            var next = reached[k].Locode;
            Assert.Equal(LinkAvailability.Continuous, link.Availability);
            Assert.True((link.From == at && link.To == next) || (link.Bidirectional && link.From == next && link.To == at), $"link {link.Id} joins {at} and {next}");
            Assert.Equal((leg.Mode, leg.Gauge), (link.Mode, link.Gauge));
            minutes += Math.Max(1, (int)Math.Round(link.DistanceKm / link.SpeedKmh!.Value * 60));
            if (k > 0)
            {
                minutes += PlanningCase.Minutes(terminals[at].DwellP50Hours);
            }

            at = next;
        }

        if (ready is { } r)
        {
            Assert.Equal(r, PlanningCase.Minutes(leg.Departure));
        }

        Assert.Equal(PlanningCase.Minutes(leg.Departure) + minutes, PlanningCase.Minutes(leg.Arrival));
        Assert.Equal(leg.Links.Sum(l => l.CostUsd!.Value) * costFactor, leg.FreightCostUsd, 6);
        Assert.Equal(leg.Links.Sum(l => l.DistanceKm * KgPerTeuKm(l.Mode)) * co2eFactor, leg.TransportCo2eKg, 6);
    }

    /// <summary>The test network's well-to-wheel emission factor for <paramref name="mode"/>, kg CO2e per TEU-km.</summary>
    public static double KgPerTeuKm(TransportMode mode) => mode switch
    {
        TransportMode.Rail => TestNetwork.RailKgPerTeuKm,
        TransportMode.Road => TestNetwork.RoadKgPerTeuKm,
        TransportMode.Ferry => TestNetwork.FerryKgPerTeuKm,
        _ => TestNetwork.SeaKgPerTeuKm,
    };
}
