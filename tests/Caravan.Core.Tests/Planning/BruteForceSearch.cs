using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// The exact Pareto set of (arrival, cost, CO2e) written from the planning rules alone, independent of the planner:
/// label-correcting relaxation over states (terminal, how the container arrived, transfers made), each state keeping
/// every point no other point of that same state is at least as good as. Nothing is compared across states — not
/// arrivals on different runs, not different transfer counts — so whatever the planner prunes by comparing them must
/// leave this set unchanged.
/// <para>
/// How a container arrived decides what leaving costs: nothing at the origin; the dwell on the same continuous mode
/// and gauge; dwell and handling (a transfer) otherwise. A ride takes the first weekly trip whose cut-off at the
/// boarding stop the container makes; from the origin it must leave within the departure window. Legs are priced as
/// <see cref="ItineraryChecks"/> prices them.
/// </para>
/// </summary>
internal static class BruteForceSearch
{
    private const int MinutesPerWeek = 7 * 24 * 60;
    private const double Noise = 1e-6;

    /// <summary>The earliest arrival in minutes after <see cref="TestNetwork.Monday"/>, or null when the destination cannot be reached.</summary>
    public static int? EarliestArrivalMinutes(PlanningCase c) =>
        ParetoFront(c) is { Count: > 0 } front ? front.Min(p => p.Arrival) : null;

    /// <summary>The front at the destination, sorted by arrival, cost, CO2e (cost and CO2e rounded to 4 places); empty when unreachable.</summary>
    public static List<(int Arrival, double Cost, double Co2e)> ParetoFront(PlanningCase c)
    {
        var request = c.Request;
        var constraints = request.Constraints;
        var terminals = c.Terminals.ToDictionary(t => t.Locode);
        bool TerminalBlocked(Terminal t) => constraints.AvoidTerminals.Contains(t.Locode) || constraints.AvoidCountries.Contains(t.Country);
        bool LinkBlocked(Link l) => !constraints.Allows(l.Mode) || l.ViaCountries.Any(constraints.AvoidCountries.Contains);

        if (TerminalBlocked(terminals[request.Origin]))
        {
            return [];
        }

        var costFactor = request.Containers.Sum(x => x.Count * x.Type.CostFactor);
        var co2eFactor = request.Containers.Sum(x => x.Count * x.Type.Teu * x.Type.Co2eFactor);
        var start = PlanningCase.Minutes(request.EarliestDeparture);
        var windowEnd = start + (int)request.DepartureWindow.TotalMinutes;
        var horizonEnd = start + (int)request.Horizon.TotalMinutes;

        IEnumerable<(State Next, Point Point)> Moves(State state, Point at)
        {
            var here = terminals[Locode.Parse(state.Terminal)];
            int? Transfers(bool transfer) =>
                !transfer ? state.Transfers
                : constraints.MaxTransfers is { } max && state.Transfers + 1 > max ? null
                : constraints.MaxTransfers is null ? 0 : state.Transfers + 1;
            Point Ready(bool transfer) =>
                state.How == Arrived.AtOrigin ? at
                : new Point(
                    at.Time + PlanningCase.Minutes(here.DwellP50Hours) + (transfer ? PlanningCase.Minutes(here.HandlingHours) : 0),
                    at.Cost + (transfer ? here.HandlingUsd * costFactor : 0),
                    at.Co2e + (transfer ? TestNetwork.HubKgPerTeu * co2eFactor : 0));

            foreach (var link in c.Links.Where(l => l.Availability == LinkAvailability.Continuous && !LinkBlocked(l)))
            {
                var to = link.From == here.Locode ? link.To : link.Bidirectional && link.To == here.Locode ? link.From : (Locode?)null;
                if (to is not { } next || TerminalBlocked(terminals[next]))
                {
                    continue;
                }

                var run = Arrived.On(link.Mode, link.Gauge);
                var transfer = state.How != Arrived.AtOrigin && state.How != run;
                if (Transfers(transfer) is { } k)
                {
                    var ready = Ready(transfer);
                    var minutes = Math.Max(1, (int)Math.Round(link.DistanceKm / link.SpeedKmh!.Value * 60));
                    yield return (new State(next.Value, run, k), new Point(
                        ready.Time + minutes,
                        ready.Cost + (link.CostUsd!.Value * costFactor),
                        ready.Co2e + (link.DistanceKm * ItineraryChecks.KgPerTeuKm(link.Mode) * co2eFactor)));
                }
            }

            foreach (var service in c.Services.Where(s => constraints.Allows(s.Mode)))
            {
                var stops = service.Stops;
                var stretches = Enumerable.Range(1, stops.Count - 1)
                    .Select(k => Stretch(c, service, stops[k - 1].Locode, stops[k].Locode))
                    .ToList();
                var totalKm = stretches.Sum(l => l.DistanceKm);
                for (var i = 0; i < stops.Count - 1; i++)
                {
                    var transfer = state.How != Arrived.AtOrigin;
                    if (stops[i].Locode != here.Locode || Transfers(transfer) is not { } k)
                    {
                        continue;
                    }

                    var ready = Ready(transfer);
                    var leaveOffset = PlanningCase.Minutes(stops[i].DepartureHours ?? stops[i].ArrivalHours ?? 0);
                    var trip = FirstTrip(service, ready.Time - leaveOffset + PlanningCase.Minutes(service.CutoffHours));
                    if (state.How == Arrived.AtOrigin && trip + leaveOffset > windowEnd)
                    {
                        continue;
                    }

                    double km = 0;
                    double co2e = 0;
                    for (var j = i + 1; j < stops.Count; j++)
                    {
                        var stretch = stretches[j - 1];
                        // A ride stops short of an avoided terminal or link, and of the origin (see below).
                        if (TerminalBlocked(terminals[stops[j].Locode]) || LinkBlocked(stretch) || stops[j].Locode == request.Origin)
                        {
                            break;
                        }

                        km += stretch.DistanceKm;
                        co2e += stretch.DistanceKm * ItineraryChecks.KgPerTeuKm(stretch.Mode);
                        yield return (new State(stops[j].Locode.Value, Arrived.OffService, k), new Point(
                            trip + PlanningCase.Minutes(stops[j].ArrivalHours ?? 0),
                            ready.Cost + (service.PriceUsd * km / totalKm * costFactor),
                            ready.Co2e + (co2e * co2eFactor)));
                    }
                }
            }
        }

        var origin = new State(request.Origin.Value, Arrived.AtOrigin, 0);
        var points = new Dictionary<State, List<Point>> { [origin] = [new Point(start, 0, 0)] };
        var pending = new Queue<(State, Point)>();
        pending.Enqueue((origin, new Point(start, 0, 0)));
        while (pending.TryDequeue(out var item))
        {
            var (state, at) = item;
            if (state.Terminal == request.Destination.Value || !points[state].Contains(at))
            {
                continue;
            }

            foreach (var (next, point) in Moves(state, at))
            {
                // A journey does not come back to its origin (it would only dodge the departure window).
                if (point.Time > horizonEnd || next.Terminal == request.Origin.Value)
                {
                    continue;
                }

                if (!points.TryGetValue(next, out var front))
                {
                    points[next] = front = [];
                }

                if (front.Any(p => p.NoWorseThan(point)))
                {
                    continue;
                }

                front.RemoveAll(point.NoWorseThan);
                front.Add(point);
                pending.Enqueue((next, point));
            }
        }

        var reached = points.Where(p => p.Key.Terminal == request.Destination.Value).SelectMany(p => p.Value).ToList();
        return reached
            .Where(p => !reached.Any(q => q.NoWorseThan(p) && !p.NoWorseThan(q)))
            .Select(p => (p.Time, Math.Round(p.Cost, 4), Math.Round(p.Co2e, 4)))
            .Distinct()
            .Order()
            .ToList();
    }

    /// <summary>The link a service runs on between two consecutive stops: the first listed of its mode joining them.</summary>
    public static Link Stretch(PlanningCase c, Service service, Locode from, Locode to) =>
        c.Links.First(l => l.Mode == service.Mode && ((l.From == from && l.To == to) || (l.Bidirectional && l.From == to && l.To == from)));

    /// <summary>The earliest start of a trip (at the first stop) no earlier than <paramref name="earliest"/>, over every week.</summary>
    public static int FirstTrip(Service service, int earliest)
    {
        var week = (int)Math.Floor(earliest / (double)MinutesPerWeek);
        return Enumerable.Range(week - 1, 3)
            .SelectMany(w => service.Departures.Select(d => (w * MinutesPerWeek) + d.MinuteOfWeek))
            .Where(t => t >= earliest)
            .Min();
    }

    private readonly record struct Point(int Time, double Cost, double Co2e)
    {
        public bool NoWorseThan(Point other) => Time <= other.Time && Cost <= other.Cost + Noise && Co2e <= other.Co2e + Noise;
    }

    private readonly record struct State(string Terminal, Arrived How, int Transfers);

    /// <summary>How a container arrived at a terminal: at the origin, off a service, or on a continuous run of a mode and gauge.</summary>
    private readonly record struct Arrived(int Kind, TransportMode Mode, RailGauges Gauge)
    {
        public static Arrived AtOrigin => new(0, default, default);

        public static Arrived OffService => new(1, default, default);

        public static Arrived On(TransportMode mode, RailGauges gauge) => new(2, mode, gauge);
    }
}
