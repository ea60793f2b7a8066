using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// An earliest-arrival search written from the planning rules alone, independent of the planner: Bellman-Ford
/// relaxation to a fixed point over states (terminal, how the container arrived, transfers made). How it arrived
/// decides what leaving costs: nothing at the origin; the dwell on the same continuous mode and gauge; dwell and
/// handling (a transfer) otherwise. A ride takes the first weekly trip whose cut-off at the boarding stop the
/// container makes; from the origin it must leave within the departure window.
/// </summary>
internal static class BruteForceEarliestArrival
{
    private const int MinutesPerWeek = 7 * 24 * 60;

    /// <summary>The earliest arrival in minutes after <see cref="TestNetwork.Monday"/>, or null when the destination cannot be reached.</summary>
    public static int? Minutes(PlanningCase c)
    {
        var request = c.Request;
        var constraints = request.Constraints;
        var terminals = c.Terminals.ToDictionary(t => t.Locode);
        bool TerminalBlocked(Terminal t) => constraints.AvoidTerminals.Contains(t.Locode) || constraints.AvoidCountries.Contains(t.Country);
        bool LinkBlocked(Link l) => !constraints.Allows(l.Mode) || l.ViaCountries.Any(constraints.AvoidCountries.Contains);

        if (TerminalBlocked(terminals[request.Origin]))
        {
            return null;
        }

        var start = PlanningCase.Minutes(request.EarliestDeparture);
        var windowEnd = start + (int)request.DepartureWindow.TotalMinutes;
        var horizonEnd = start + (int)request.Horizon.TotalMinutes;
        var best = new Dictionary<State, int> { [new State(request.Origin.Value, Arrived.AtOrigin, 0)] = start };

        IEnumerable<(State Next, int Time)> Moves(State state, int time)
        {
            var here = terminals[Locode.Parse(state.Terminal)];
            int? Transfers(bool transfer) =>
                !transfer ? state.Transfers
                : constraints.MaxTransfers is { } max && state.Transfers + 1 > max ? null
                : constraints.MaxTransfers is null ? 0 : state.Transfers + 1;
            int Ready(bool transfer) =>
                state.How == Arrived.AtOrigin ? time
                : time + PlanningCase.Minutes(here.DwellP50Hours) + (transfer ? PlanningCase.Minutes(here.HandlingHours) : 0);

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
                    var minutes = Math.Max(1, (int)Math.Round(link.DistanceKm / link.SpeedKmh!.Value * 60));
                    yield return (new State(next.Value, run, k), Ready(transfer) + minutes);
                }
            }

            foreach (var service in c.Services.Where(s => constraints.Allows(s.Mode)))
            {
                for (var i = 0; i < service.Stops.Count - 1; i++)
                {
                    var transfer = state.How != Arrived.AtOrigin;
                    if (service.Stops[i].Locode != here.Locode || Transfers(transfer) is not { } k)
                    {
                        continue;
                    }

                    var leaveOffset = Offset(service.Stops[i].DepartureHours ?? service.Stops[i].ArrivalHours);
                    var trip = FirstTrip(service, Ready(transfer) - leaveOffset + PlanningCase.Minutes(service.CutoffHours));
                    if (state.How == Arrived.AtOrigin && trip + leaveOffset > windowEnd)
                    {
                        continue;
                    }

                    for (var j = i + 1; j < service.Stops.Count; j++)
                    {
                        var stop = service.Stops[j];
                        if (TerminalBlocked(terminals[stop.Locode]) || LinkBlocked(Stretch(c, service, service.Stops[j - 1].Locode, stop.Locode)))
                        {
                            break;
                        }

                        yield return (new State(stop.Locode.Value, Arrived.OffService, k), trip + Offset(stop.ArrivalHours));
                    }
                }
            }
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (state, time) in best.ToList())
            {
                if (state.Terminal == request.Destination.Value || time > horizonEnd)
                {
                    continue;
                }

                foreach (var (next, arrival) in Moves(state, time))
                {
                    if (!best.TryGetValue(next, out var known) || arrival < known)
                    {
                        best[next] = arrival;
                        changed = true;
                    }
                }
            }
        }

        var arrivals = best.Where(b => b.Key.Terminal == request.Destination.Value && b.Value <= horizonEnd).Select(b => b.Value).ToList();
        return arrivals.Count == 0 ? null : arrivals.Min();
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

    private static int Offset(double? hours) => PlanningCase.Minutes(hours ?? 0);

    private readonly record struct State(string Terminal, Arrived How, int Transfers);

    /// <summary>How a container arrived at a terminal: at the origin, off a service, or on a continuous run of a mode and gauge.</summary>
    private readonly record struct Arrived(int Kind, TransportMode Mode, RailGauges Gauge)
    {
        public static Arrived AtOrigin => new(0, default, default);

        public static Arrived OffService => new(1, default, default);

        public static Arrived On(TransportMode mode, RailGauges gauge) => new(2, mode, gauge);
    }
}
