using Caravan.Core.Network;
using Caravan.Core.Planning;
using Caravan.Core.Shipments;

namespace Caravan.Core.Telemetry;

/// <summary>
/// Estimates a container's arrival at the next terminal and at its destination from where it was last observed: the
/// remaining legs are replayed from the actual arrival or departure (so the delay so far carries forward), each
/// terminal's dwell drawn from its log-normal distribution (median and P90 from the network data) as the planner's
/// reliability does, a timetabled leg catching its service's next departure after the container is ready (so a
/// missed weekly ferry costs a week), and nothing expected earlier than <c>now</c> (a container still waiting at
/// Aktau three days on has not left yet). Deterministic for the same route, state and time.
/// </summary>
public sealed class EtaEstimator
{
    private const int Samples = Reliability.Samples;

    private readonly CorridorNetwork _network;
    private readonly Dictionary<string, int> _services;

    public EtaEstimator(CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _services = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < network.Services.Count; s++)
        {
            _services.TryAdd(network.Services[s].Id, s);
        }
    }

    /// <summary>The estimate for <paramref name="route"/> given the device's <paramref name="state"/>, as of <paramref name="now"/>.</summary>
    public EtaEstimate Estimate(ProgressRoute route, ProgressState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(state);
        var stops = route.Stops;
        var destination = stops[^1];
        var last = stops.Count - 1;
        if (state.Stops.Count == stops.Count && state.Reached == last && (state.Stops[last].Inside || state.Stops[last].ArrivedAt is not null))
        {
            var arrived = state.Stops[last].ArrivedAt ?? now;
            return new EtaEstimate(now, null, new StopEta(destination, arrived, arrived));
        }

        var legs = route.Itinerary.Legs;
        var nowMinutes = PlannerClock.ToMinutes(now);
        var start = Begin(route, state, nowMinutes);
        var leg = start.Leg;
        var nextStop = stops.FirstOrDefault(s => !s.WithinLeg && s.Leg == leg + 1) ?? destination;
        var (multiplier, offset) = Strata(route.ShipmentId, legs.Count);
        int Stratum(int sample, int k) => ((sample * multiplier[k]) + offset[k]) & (Samples - 1);
        var next = new int[Samples];
        var end = new int[Samples];
        for (var i = 0; i < Samples; i++)
        {
            var t = start.Fixed ?? Ride(legs[leg], Math.Max(start.Arrived + Handling(start.Terminal) + Dwell(start.Terminal, Stratum(i, leg)), nowMinutes));
            next[i] = t;
            for (var k = leg + 1; k < legs.Count; k++)
            {
                var at = _network.IndexOf(legs[k].From);
                var ready = t + Handling(at) + Dwell(at, Stratum(i, k));
                t = Ride(legs[k], ready);
            }

            end[i] = t;
        }

        return new EtaEstimate(now, new StopEta(nextStop, P50(next), P90(next)), new StopEta(destination, P50(end), P90(end)));
    }

    /// <summary>
    /// The leg under way (or next to start) and the container's arrival at its end: fixed, or (at a leg's start) the
    /// ride after handling and a dwell at <see cref="Start.Terminal"/> from <see cref="Start.Arrived"/>.
    /// </summary>
    private Start Begin(ProgressRoute route, ProgressState state, int now)
    {
        var legs = route.Itinerary.Legs;
        var reached = state.Stops.Count == route.Stops.Count ? state.Reached : -1;
        if (reached < 0 || (route.Stops[reached].Index == 0 && state.Stops[0].Inside))
        {
            // Not yet seen leaving the origin: the plan holds while it still can; after that, the first leg from now.
            var planned = PlannerClock.ToMinutes(legs[0].Departure);
            var arrival = now <= planned ? PlannerClock.ToMinutes(legs[0].Arrival) : Ride(legs[0], now);
            return new Start(0, arrival, 0, -1);
        }

        var stop = route.Stops[reached];
        var progress = state.Stops[reached];
        var leg = legs[Math.Min(stop.Leg, legs.Count - 1)];
        var legEnd = PlannerClock.ToMinutes(leg.Arrival);
        if (progress.Inside)
        {
            var arrived = PlannerClock.ToMinutes(progress.ArrivedAt ?? state.LastReadingTime ?? leg.Departure);
            if (stop.WithinLeg)
            {
                var stay = Minutes(stop.PlannedDeparture!.Value - stop.PlannedArrival!.Value);
                var leaves = Math.Max(arrived + stay, now);
                var arrival = Math.Max(leaves + legEnd - PlannerClock.ToMinutes(stop.PlannedDeparture.Value), now);
                return new Start(stop.Leg, arrival, 0, -1);
            }

            // At a leg's end: ready after handling and a dwell drawn per sample, and not before now.
            return new Start(stop.Leg, null, arrived, _network.IndexOf(stop.Terminal.Locode));
        }

        var departed = PlannerClock.ToMinutes(progress.DepartedAt ?? state.LastReadingTime ?? leg.Departure);
        var rideLeft = stop.WithinLeg
            ? legEnd - PlannerClock.ToMinutes(stop.PlannedDeparture!.Value)
            : legEnd - PlannerClock.ToMinutes(leg.Departure);
        var expected = Math.Max(departed + rideLeft, now);
        return new Start(stop.Leg, expected, 0, -1);
    }

    /// <summary>The arrival at the leg's end of a container ready at its start at <paramref name="ready"/> (planner minutes).</summary>
    private int Ride(ShipmentLeg leg, int ready)
    {
        var duration = Minutes(leg.Arrival - leg.Departure);
        if (leg.ServiceId is null)
        {
            return ready + duration;
        }

        if (_services.TryGetValue(leg.ServiceId, out var service) && Stops(service, leg) is ({ } board, { } alight))
        {
            var trip = _network.NextTripStart(service, board, ready);
            return trip + _network.StopArrivalMinutes[alight];
        }

        // The service is no longer in the network: assume it still leaves as planned, or at once if that has passed.
        return Math.Max(ready, PlannerClock.ToMinutes(leg.Departure)) + duration;
    }

    private (int? Board, int? Alight) Stops(int service, ShipmentLeg leg)
    {
        var from = _network.IndexOf(leg.From);
        var to = _network.IndexOf(leg.To);
        int? board = null;
        for (var s = _network.ServiceStopStart[service]; s < _network.ServiceStopStart[service + 1]; s++)
        {
            if (board is null && _network.StopTerminal[s] == from)
            {
                board = s;
            }
            else if (board is not null && _network.StopTerminal[s] == to)
            {
                return (board, s);
            }
        }

        return (null, null);
    }

    private int Handling(int terminal) => terminal < 0 ? 0 : _network.HandlingMinutes[terminal];

    private int Dwell(int terminal, int stratum)
    {
        if (terminal < 0)
        {
            return 0;
        }

        var sigma = _network.DwellSigma[terminal];
        var median = _network.DwellP50Minutes[terminal];
        return sigma == 0 ? median : (int)Math.Round(median * Math.Exp(sigma * Reliability.Strata[stratum]));
    }

    /// <summary>Latin-hypercube strata per leg, permuted by a fixed hash of the shipment (deterministic across processes).</summary>
    private static (int[] Multiplier, int[] Offset) Strata(string shipmentId, int legs)
    {
        var state = 17UL;
        foreach (var c in shipmentId)
        {
            state = (state * 1_000_003UL) ^ c;
        }

        var multiplier = new int[legs + 1];
        var offset = new int[legs + 1];
        for (var k = 0; k <= legs; k++)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            multiplier[k] = ((int)((state >> 33) % (Samples / 2)) * 2) + 1;
            offset[k] = (int)((state >> 13) % Samples);
        }

        return (multiplier, offset);
    }

    private static DateTimeOffset P50(int[] minutes) => Percentile(minutes, (Samples / 2) - 1);

    private static DateTimeOffset P90(int[] minutes) => Percentile(minutes, (int)Math.Ceiling(Samples * 0.9) - 1);

    private static DateTimeOffset Percentile(int[] minutes, int rank)
    {
        var sorted = minutes.ToArray();
        Array.Sort(sorted);
        return PlannerClock.ToTime(sorted[rank]);
    }

    private readonly record struct Start(int Leg, int? Fixed, int Arrived, int Terminal);

    private static int Minutes(TimeSpan span) => (int)Math.Round(span.TotalMinutes);
}
