using Caravan.Core.Network;
using Caravan.Core.Planning.Search;

namespace Caravan.Core.Planning;

/// <summary>
/// Arrival percentiles of an itinerary from the dwell distributions along it. Each terminal's dwell is log-normal
/// with the terminal's median and 90th percentile; the itinerary is replayed many times with sampled dwells, and a
/// container that misses its train or ferry waits for that service's next departure — so a weekly ferry turns a
/// few hours' delay into a week, as it does in reality. The seed comes from the itinerary, so results are
/// deterministic.
/// </summary>
internal static class Reliability
{
    public const int Samples = 400;
    private const double Z90 = 1.2815515655446004;

    public static (int P50, int P90) ArrivalPercentiles(CorridorNetwork network, IReadOnlyList<Label> moves, int departure)
    {
        var seed = 17;
        foreach (var move in moves)
        {
            // Not HashCode.Combine: its seed changes from process to process, and P50/P90 must not.
            seed = unchecked((((((seed * 31) + move.Via) * 31) + (int)move.Kind) * 31) + move.Terminal);
        }

        var random = new Random(seed);
        var arrivals = new int[Samples];
        for (var i = 0; i < Samples; i++)
        {
            arrivals[i] = Replay(network, moves, departure, random);
        }

        Array.Sort(arrivals);
        return (arrivals[(Samples / 2) - 1], arrivals[(int)Math.Ceiling(Samples * 0.9) - 1]);
    }

    private static int Replay(CorridorNetwork network, IReadOnlyList<Label> moves, int departure, Random random)
    {
        var t = departure;
        for (var i = 0; i < moves.Count; i++)
        {
            var move = moves[i];
            if (i > 0)
            {
                var at = moves[i - 1].Terminal;
                t += SampleDwell(network.DwellP50Minutes[at], network.DwellP90Minutes[at], random);
                if (move.Transferred)
                {
                    t += network.HandlingMinutes[at];
                }
            }

            if (move.Kind == MoveKind.Continuous)
            {
                t += network.ArcMinutes[move.Via];
            }
            else
            {
                // A ride from the origin is the planned trip: nothing before it varies, and t is its departure, past the cut-off.
                var start = i == 0 ? move.TripStart : network.NextTripStart(move.Via, move.BoardStop, t);
                t = start + network.StopArrivalMinutes[move.AlightStop];
            }
        }

        return t;
    }

    private static int SampleDwell(int p50, int p90, Random random)
    {
        if (p50 <= 0 || p90 <= p50)
        {
            return p50;
        }

        var sigma = Math.Log((double)p90 / p50) / Z90;
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return (int)Math.Round(p50 * Math.Exp(sigma * z));
    }
}
