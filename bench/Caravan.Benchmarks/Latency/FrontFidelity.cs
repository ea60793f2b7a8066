using System.Globalization;
using Caravan.Core.Planning;

namespace Caravan.Benchmarks.Latency;

/// <summary>
/// How far a Pareto search's fronts are from reference fronts (usually a finer search's, from
/// <c>profile --pareto --search-epsilon 0.005 --dump FILE</c>): for each reference itinerary, the nearest itinerary of
/// the same query's front, measured as the largest relative excess over the reference on time in transit, cost and
/// CO2e (0 when one is no worse on all three). Means and worsts of that, per query and over all.
/// </summary>
public static class FrontFidelity
{
    /// <summary>One itinerary of a front: the query's index, minutes from the earliest departure to arrival, USD and kg CO2e.</summary>
    public readonly record struct Point(int Query, double Minutes, double Cost, double Co2e)
    {
        /// <summary>
        /// <paramref name="itinerary"/> of query <paramref name="query"/>, rounded as a dump line writes it, so fronts
        /// compared in memory and fronts read back from a dump give the same distances.
        /// </summary>
        public static Point Of(int query, Itinerary itinerary, DateTimeOffset earliestDeparture) => new(
            query,
            Math.Round((itinerary.Arrival - earliestDeparture).TotalMinutes),
            Math.Round(itinerary.CostUsd, 2),
            Math.Round(itinerary.Co2eKg, 3));

        /// <summary>The point as a dump line: query, minutes, cost, CO2e (what <see cref="Read"/> reads).</summary>
        public string DumpLine => string.Create(CultureInfo.InvariantCulture, $"{Query} {Minutes:F0} {Cost:F2} {Co2e:F3}");
    }

    /// <summary>Reads a front dump (<c>--dump</c>: query, minutes, cost, CO2e, then optional legs) and names the line of any malformed row.</summary>
    public static List<Point> Read(string path)
    {
        var points = new List<Point>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            if (fields.Length < 4
                || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var query)
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes)
                || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var cost)
                || !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var co2e))
            {
                throw new FormatException($"{path}:{lineNumber}: expected 'query minutes cost co2e', got '{line}'");
            }

            points.Add(new Point(query, minutes, cost, co2e));
        }

        return points;
    }

    /// <summary>The distance of <paramref name="candidate"/> from <paramref name="reference"/>: its largest relative excess, at least 0.</summary>
    public static double Excess(in Point candidate, in Point reference) =>
        Math.Max(0, Math.Max(Ratio(candidate.Minutes, reference.Minutes), Math.Max(Ratio(candidate.Cost, reference.Cost), Ratio(candidate.Co2e, reference.Co2e))));

    /// <summary>Writes, per query of the reference and over all, the mean and worst distance of a reference itinerary from <paramref name="fronts"/>.</summary>
    public static void Report(IReadOnlyList<Point> reference, IReadOnlyList<Point> fronts, TextWriter output)
    {
        var all = new List<double>();
        foreach (var group in reference.GroupBy(p => p.Query).OrderBy(g => g.Key))
        {
            var candidates = fronts.Where(p => p.Query == group.Key).ToList();
            var distances = group.Select(r => candidates.Count == 0 ? double.PositiveInfinity : candidates.Min(c => Excess(c, r))).ToList();
            all.AddRange(distances);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  fidelity query {group.Key}: reference {group.Count()}, front {candidates.Count}, mean {100 * distances.Average():F2} %, worst {100 * distances.Max():F2} %"));
        }

        if (all.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fidelity against the reference: mean {100 * all.Average():F2} %, worst {100 * all.Max():F2} % over {all.Count} reference itineraries"));
        }
    }

    private static double Ratio(double value, double reference) => reference > 0 ? (value / reference) - 1 : 0;
}
