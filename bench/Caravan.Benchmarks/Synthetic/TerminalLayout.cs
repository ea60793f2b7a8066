using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>
/// Places terminals in clusters around the centres of <see cref="SyntheticRegion.Eurasia"/>, gives each a kind,
/// the gauge of its region and handling and dwell times typical of that kind.
/// </summary>
internal static class TerminalLayout
{
    private const string CodeAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789";
    private const int CodeSpace = 34 * 34 * 34;

    private static readonly (TerminalKind Kind, double Share, string Word)[] Kinds =
    [
        (TerminalKind.Junction, 0.22, "Junction"),
        (TerminalKind.RailTerminal, 0.48, "Rail"),
        (TerminalKind.DryPort, 0.08, "Dry Port"),
        (TerminalKind.InlandHub, 0.08, "Hub"),
        (TerminalKind.Seaport, 0.05, "Port"),
        (TerminalKind.FerryPort, 0.04, "Ferry"),
        (TerminalKind.BorderCrossing, 0.05, "Border"),
    ];

    public static List<TerminalDraft> Place(ContinentalNetworkOptions options, IReadOnlyList<SyntheticRegion> regions, Random random)
    {
        var regionWeights = RandomExtensions.Cumulative(regions.Select(r => r.Weight));
        var kindWeights = RandomExtensions.Cumulative(Kinds.Select(k => k.Share));
        var perCountry = new Dictionary<string, int>(StringComparer.Ordinal);
        var drafts = new List<TerminalDraft>(options.Terminals);
        for (var i = 0; i < options.Terminals; i++)
        {
            var r = random.Weighted(regionWeights);
            var region = regions[r];
            double lat;
            double lon;
            do
            {
                lat = Math.Round(region.Latitude + (random.Gaussian() * region.SpreadLatitude), 4);
                lon = Math.Round(region.Longitude + (random.Gaussian() * region.SpreadLongitude), 4);
            }
            while (lat is < 22 or > 68 || lon is < -10 or > 140);

            var (kind, _, word) = Kinds[random.Weighted(kindWeights)];
            var n = perCountry.GetValueOrDefault(region.Country);
            perCountry[region.Country] = n + 1;
            var gauges = kind == TerminalKind.InlandHub && random.NextDouble() < 0.15 ? RailGauges.None : region.Gauge;
            var draft = new TerminalDraft
            {
                Locode = Locode.Parse(region.Country + Code(n)),
                Name = $"{region.Name} {word} {n + 1:0000}",
                Region = r,
                Position = new GeoPoint(lat, lon),
                Kind = kind,
                Gauges = gauges,
            };
            SetHandling(draft, random, gaugeBreak: false);
            drafts.Add(draft);
        }

        return drafts;
    }

    /// <summary>
    /// Handling and dwell by kind: little dwell at a junction (trains pass through) but a costly transfer, since a
    /// junction has no cranes; hours at a terminal; a day or more at a port or a gauge break.
    /// </summary>
    public static void SetHandling(TerminalDraft draft, Random random, bool gaugeBreak)
    {
        var (hours, usd, dwell) = gaugeBreak
            ? ((14.0, 36.0), (250.0, 480.0), (12.0, 40.0))
            : draft.Kind switch
            {
                TerminalKind.Junction => ((12.0, 24.0), (300.0, 600.0), (0.1, 0.8)),
                TerminalKind.RailTerminal => ((3.0, 8.0), (80.0, 200.0), (0.5, 3.0)),
                TerminalKind.DryPort or TerminalKind.InlandHub => ((4.0, 12.0), (100.0, 250.0), (1.0, 6.0)),
                TerminalKind.Seaport => ((12.0, 36.0), (150.0, 350.0), (24.0, 60.0)),
                TerminalKind.FerryPort => ((6.0, 18.0), (120.0, 300.0), (8.0, 36.0)),
                _ => ((6.0, 24.0), (150.0, 400.0), (4.0, 24.0)),
            };
        draft.HandlingHours = Math.Round(random.Between(hours.Item1, hours.Item2), 1);
        draft.HandlingUsd = Math.Round(random.Between(usd.Item1, usd.Item2));
        draft.DwellP50Hours = Math.Round(random.Between(dwell.Item1, dwell.Item2), 1);
        draft.DwellP90Hours = Math.Round(draft.DwellP50Hours * random.Between(1.8, 3.0), 1);
    }

    /// <summary>The three characters after the country, spread over the code space so neighbours differ.</summary>
    private static string Code(int n)
    {
        var x = (int)(((long)n * 7919 + 123) % CodeSpace);
        return string.Concat(CodeAlphabet[x / (34 * 34)], CodeAlphabet[x / 34 % 34], CodeAlphabet[x % 34]);
    }
}
