using Caravan.Core.Network;
using Caravan.Core.Planning.Search;

namespace Caravan.Core.Planning;

/// <summary>
/// Arrival percentiles of an itinerary from the dwell distributions along it. Each terminal's dwell is log-normal
/// with the terminal's median and 90th percentile; the itinerary is replayed <see cref="Samples"/> times with
/// sampled dwells, and a container that misses its train or ferry waits for that service's next departure — so a
/// weekly ferry turns a few hours' delay into a week, as it does in reality. Sampling is Latin-hypercube: every
/// dwell along the way takes each of <see cref="Samples"/> equally likely quantiles exactly once, in an order
/// permuted per step, so few replays give stable percentiles. The permutations come from the itinerary itself,
/// so results are deterministic.
/// </summary>
internal static class Reliability
{
    public const int Samples = 128;

    /// <summary>Standard normal quantiles at the middle of each of the <see cref="Samples"/> strata.</summary>
    internal static readonly double[] Strata = Enumerable.Range(0, Samples).Select(i => InverseNormal((i + 0.5) / Samples)).ToArray();

    public static (int P50, int P90) ArrivalPercentiles(CorridorNetwork network, IReadOnlyList<Label> moves, int departure)
    {
        // A fixed hash of the moves (HashCode is randomised per process, which would break determinism).
        var state = 17UL;
        foreach (var move in moves)
        {
            state = (state * 1_000_003UL) ^ (ulong)(uint)move.Via ^ ((ulong)move.Kind << 32) ^ ((ulong)(uint)move.Terminal << 40);
        }

        var multiplier = new int[moves.Count];
        var offset = new int[moves.Count];
        for (var j = 0; j < moves.Count; j++)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            multiplier[j] = (int)((state >> 33) % (Samples / 2)) * 2 + 1;
            offset[j] = (int)((state >> 13) % Samples);
        }

        var arrivals = new int[Samples];
        for (var i = 0; i < Samples; i++)
        {
            arrivals[i] = Replay(network, moves, departure, i, multiplier, offset);
        }

        Array.Sort(arrivals);
        return (arrivals[(Samples / 2) - 1], arrivals[(int)Math.Ceiling(Samples * 0.9) - 1]);
    }

    private static int Replay(CorridorNetwork network, IReadOnlyList<Label> moves, int departure, int sample, int[] multiplier, int[] offset)
    {
        var t = departure;
        for (var j = 0; j < moves.Count; j++)
        {
            var move = moves[j];
            if (j > 0)
            {
                var at = moves[j - 1].Terminal;
                var stratum = ((sample * multiplier[j]) + offset[j]) & (Samples - 1);
                var sigma = network.DwellSigma[at];
                t += sigma == 0 ? network.DwellP50Minutes[at] : (int)Math.Round(network.DwellP50Minutes[at] * Math.Exp(sigma * Strata[stratum]));
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
                var start = j == 0 ? move.TripStart : network.NextTripStart(move.Via, move.BoardStop, t);
                t = start + network.StopArrivalMinutes[move.AlightStop];
            }
        }

        return t;
    }

    /// <summary>The standard normal quantile function (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    private static double InverseNormal(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double Low = 0.02425;
        if (p < Low || p > 1 - Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(Math.Min(p, 1 - p)));
            var tail = Horner(c, q) / ((Horner(d, q) * q) + 1);
            return p < Low ? tail : -tail;
        }

        var r = p - 0.5;
        var s = r * r;
        return Horner(a, s) * r / ((Horner(b, s) * s) + 1);
    }

    private static double Horner(double[] coefficients, double x)
    {
        var sum = 0.0;
        foreach (var k in coefficients)
        {
            sum = (sum * x) + k;
        }

        return sum;
    }
}
