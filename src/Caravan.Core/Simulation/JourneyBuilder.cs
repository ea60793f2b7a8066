using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Shipments;

namespace Caravan.Core.Simulation;

/// <summary>
/// Simulates how a container actually travels a booked itinerary over the corridor network. Along each leg it moves
/// through the terminals the leg passes (a service's timetabled stops, or the chain of links of its mode), at the speed
/// the leg's planned times give. At every terminal it dwells for a time drawn from the terminal's log-normal dwell
/// (median and 90th percentile, as the planner's reliability model assumes) plus any forced extra dwell; a Caspian
/// ferry leaves later than timetabled in <see cref="SimulationSettings.FerryDelayShare"/> of departures; and a
/// container late for a timetabled service waits for that service's next departure. Deterministic for a given
/// <see cref="Random"/> state.
/// </summary>
public static class JourneyBuilder
{
    /// <summary>The standard normal quantile of 0.9, relating a log-normal's median and 90th percentile.</summary>
    private const double Z90 = 1.2815515655446004;

    /// <summary>
    /// The journey of a container booked on <paramref name="itinerary"/>; null with <paramref name="problem"/> when a
    /// leg names a terminal the network does not know (the itinerary was planned on other network data).
    /// </summary>
    public static Journey? TryBuild(
        ShipmentItinerary itinerary, CorridorNetwork network, SimulationSettings settings, Random random, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(itinerary);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var paths = new List<LegPath>(itinerary.Legs.Count);
        foreach (var leg in itinerary.Legs)
        {
            if (LegPath.Resolve(leg, network) is not { } path)
            {
                problem = $"the leg {leg.From} → {leg.To} names a terminal the corridor network does not know";
                return null;
            }

            paths.Add(path);
        }

        var steps = new List<JourneyStep>();
        var legs = itinerary.Legs;
        var now = legs[0].Departure - settings.LeadTime;
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            var at = paths[i].Points[0];
            var ready = i == 0
                ? now
                : now + Dwell(at, random) + TimeSpan.FromHours(at.HandlingHours);
            var departure = ready <= leg.Departure
                ? leg.Departure
                : paths[i].Service is { } service ? NextDeparture(service, leg.From, ready) ?? Weekly(leg.Departure, ready) : ready;
            if (leg.Mode == TransportMode.Ferry && settings.CaspianPorts.Contains(leg.From) && random.NextDouble() < settings.FerryDelayShare)
            {
                var extra = TimeSpan.FromHours(6) + ((settings.FerryDelayMax - TimeSpan.FromHours(6)) * random.NextDouble());
                departure += Round(extra);
            }

            departure += Extra(at, settings);

            var kind = i == 0 ? JourneyStepKind.Origin : leg.Mode == TransportMode.Ferry ? JourneyStepKind.FerryWait : KindAt(at, JourneyStepKind.Transfer);
            Stand(steps, kind, now, departure, at);
            now = Travel(steps, leg, paths[i], departure, settings, random);
        }

        var destination = paths[^1].Points[^1];
        Stand(steps, JourneyStepKind.Delivered, now, now + settings.TrailTime, destination);
        if (steps.Count == 0 || steps[^1].Kind != JourneyStepKind.Delivered)
        {
            steps.Add(new JourneyStep(JourneyStepKind.Delivered, now, now, destination.Position, destination.Position, destination.Locode));
        }

        problem = null;
        return new Journey(steps, itinerary.Arrival);
    }

    // Moves along the leg from its departure; returns the arrival at its last point.
    private static DateTimeOffset Travel(List<JourneyStep> steps, ShipmentLeg leg, LegPath path, DateTimeOffset departure, SimulationSettings settings, Random random)
    {
        var points = path.Points;
        var planned = leg.Arrival - leg.Departure;
        if (path.Offsets is { } offsets)
        {
            // A timetabled service: its stops' offsets, scaled to the leg's planned duration.
            var total = offsets[^1].Arrival;
            var scale = total > 0 ? planned.TotalHours / total : 0;
            var now = departure;
            for (var k = 1; k < points.Count; k++)
            {
                var arrive = departure + Round(TimeSpan.FromHours(offsets[k].Arrival * scale));
                Move(steps, now, Max(arrive, now), points[k - 1], points[k]);
                now = Max(arrive, now);
                if (k < points.Count - 1)
                {
                    var leave = Max(departure + Round(TimeSpan.FromHours(offsets[k].Departure * scale)), now);
                    Stand(steps, KindAt(points[k], JourneyStepKind.Stop), now, leave, points[k]);
                    now = leave;
                }
            }

            return now;
        }

        // A continuous run: the planned duration less the median dwell at the terminals passed is time on the move.
        var via = points.Skip(1).Take(points.Count - 2).ToList();
        var plannedDwell = TimeSpan.FromHours(via.Sum(t => t.DwellP50Hours));
        var moving = planned - plannedDwell < planned / 2 ? planned / 2 : planned - plannedDwell;
        var lengths = Enumerable.Range(1, points.Count - 1).Select(k => points[k - 1].Position.DistanceKmTo(points[k].Position)).ToList();
        var sum = lengths.Sum();
        var clock = departure;
        for (var k = 1; k < points.Count; k++)
        {
            var share = sum > 0 ? lengths[k - 1] / sum : 1.0 / lengths.Count;
            var arrive = clock + Round(moving * share);
            Move(steps, clock, arrive, points[k - 1], points[k]);
            clock = arrive;
            if (k < points.Count - 1)
            {
                var dwell = Dwell(points[k], random) + Extra(points[k], settings);
                Stand(steps, KindAt(points[k], JourneyStepKind.Stop), clock, clock + dwell, points[k]);
                clock += dwell;
            }
        }

        return clock;
    }

    private static JourneyStepKind KindAt(Terminal terminal, JourneyStepKind otherwise) =>
        terminal.IsGaugeBreak ? JourneyStepKind.GaugeChange : terminal.Kind == TerminalKind.BorderCrossing ? JourneyStepKind.Border : otherwise;

    // A log-normal draw with the terminal's median and 90th percentile, capped at one and a half times the 90th.
    private static TimeSpan Dwell(Terminal terminal, Random random)
    {
        var p50 = terminal.DwellP50Hours;
        var p90 = Math.Max(p50, terminal.DwellP90Hours);
        var hours = 0.0;
        if (p50 > 0)
        {
            var sigma = p90 > p50 ? Math.Log(p90 / p50) / Z90 : 0;
            hours = Math.Min(p50 * Math.Exp(sigma * StandardNormal(random)), 1.5 * p90);
        }

        return Round(TimeSpan.FromHours(hours));
    }

    private static TimeSpan Extra(Terminal terminal, SimulationSettings settings) =>
        settings.ExtraDwell.TryGetValue(terminal.Locode, out var forced) ? forced : TimeSpan.Zero;

    /// <summary>The first boarding of <paramref name="service"/> at <paramref name="from"/> at or after <paramref name="ready"/>, from its weekly departures.</summary>
    private static DateTimeOffset? NextDeparture(Service service, Locode from, DateTimeOffset ready)
    {
        var stop = service.Stops.FirstOrDefault(s => s.Locode == from);
        if (stop is null || service.Departures.Count == 0)
        {
            return null;
        }

        var offset = TimeSpan.FromHours(stop.DepartureHours ?? stop.ArrivalHours ?? 0);
        var tripReady = (ready - offset).UtcDateTime;
        var monday = new DateTimeOffset(tripReady.Date.AddDays(-(((int)tripReady.DayOfWeek + 6) % 7)), TimeSpan.Zero);
        DateTimeOffset? best = null;
        for (var week = 0; week <= 1; week++)
        {
            foreach (var departure in service.Departures)
            {
                var board = monday + TimeSpan.FromDays(7 * week) + TimeSpan.FromMinutes(departure.MinuteOfWeek) + offset;
                if (board >= ready && (best is null || board < best))
                {
                    best = board;
                }
            }
        }

        return best;
    }

    private static DateTimeOffset Weekly(DateTimeOffset planned, DateTimeOffset ready) =>
        planned + TimeSpan.FromDays(7 * Math.Ceiling((ready - planned) / TimeSpan.FromDays(7)));

    private static void Stand(List<JourneyStep> steps, JourneyStepKind kind, DateTimeOffset start, DateTimeOffset end, Terminal at)
    {
        if (end > start)
        {
            steps.Add(new JourneyStep(kind, start, end, at.Position, at.Position, at.Locode));
        }
    }

    private static void Move(List<JourneyStep> steps, DateTimeOffset start, DateTimeOffset end, Terminal from, Terminal to)
    {
        if (end > start)
        {
            steps.Add(new JourneyStep(JourneyStepKind.Moving, start, end, from.Position, to.Position, null));
        }
    }

    private static double StandardNormal(Random random)
    {
        // Box–Muller; 1 − NextDouble() is in (0, 1], so the logarithm is finite.
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Round(TimeSpan span) => TimeSpan.FromSeconds(Math.Round(span.TotalSeconds));
}
