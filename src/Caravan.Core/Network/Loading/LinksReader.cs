using Caravan.Core.Geography;
using Caravan.Core.Network.Csv;

namespace Caravan.Core.Network.Loading;

/// <summary>Reads <c>links.csv</c>, checking ends, gauges, emission factors and corridors against what is loaded.</summary>
internal static class LinksReader
{
    public static readonly string[] Columns =
    [
        "id", "from", "to", "mode", "distance_km", "gauge", "emission_factor", "operator", "corridor", "availability",
        "speed_kmh", "cost_usd", "via_countries", "bidirectional", SourceTags.Column,
    ];

    public static List<Link> Read(
        CsvTable table,
        IReadOnlyDictionary<Locode, (Terminal Terminal, int Line)> terminals,
        IReadOnlyDictionary<string, EmissionFactor> factors,
        IReadOnlySet<string> corridors,
        CountryDirectory countries,
        IReadOnlySet<Locode> rejectedTerminals)
    {
        var links = new List<Link>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.ReadRows())
        {
            var id = table.Required(row, "id");
            var from = Terminal(table, row, "from", terminals, rejectedTerminals);
            var to = Terminal(table, row, "to", terminals, rejectedTerminals);
            var mode = table.Choice(row, "mode", Vocabulary.Modes);
            var distance = table.Number(row, "distance_km", min: 0, positive: true);
            var availability = table.Choice(row, "availability", Vocabulary.Availabilities);
            var bidirectional = table.Choice(row, "bidirectional", Vocabulary.YesNo);
            var factorId = table.Required(row, "emission_factor");
            var corridor = table.Text(row, "corridor");
            double? speed = null;
            double? cost = null;

            if (id is not null && !ids.TryAdd(id, row.Line))
            {
                table.Report(row, "id", $"duplicate link id '{id}' (first defined on line {ids[id]})");
                id = null;
            }

            if (from is not null && to is not null && from == to)
            {
                table.Report(row, "to", $"a link cannot start and end at the same terminal {from.Locode}");
            }

            var gauge = ReadGauge(table, row, mode, from, to);

            if (factorId is not null && mode is not null)
            {
                if (!factors.TryGetValue(factorId, out var factor) || factor.Category != EmissionCategory.Transport)
                {
                    table.Report(row, "emission_factor", $"'{factorId}' is not a transport emission factor in emission-factors.csv");
                }
                else if (factor.Mode != mode)
                {
                    table.Report(row, "emission_factor", $"factor '{factorId}' is for {factor.Mode} but the link is {mode}");
                }
            }

            if (corridor.Length > 0 && !corridors.Contains(corridor))
            {
                table.Report(row, "corridor", $"unknown corridor '{corridor}' (not in corridors.csv)");
            }

            if (availability == LinkAvailability.Continuous)
            {
                speed = table.Number(row, "speed_kmh", min: 0, positive: true);
                cost = table.Number(row, "cost_usd", min: 0);
                SourceTags.Check(table, row, ["distance", "speed", "cost"]);
            }
            else if (availability == LinkAvailability.Scheduled)
            {
                foreach (var column in (ReadOnlySpan<string>)["speed_kmh", "cost_usd"])
                {
                    if (table.Text(row, column).Length > 0)
                    {
                        table.Report(row, column, "must be empty on a scheduled link: its services carry times and prices");
                    }
                }

                SourceTags.Check(table, row, ["distance"]);
            }

            var via = ReadCountries(table, row, "via_countries", countries);

            if (id is null || from is null || to is null || mode is null || distance is null || gauge is null || availability is null
                || bidirectional is null || factorId is null || via is null
                || (availability == LinkAvailability.Continuous && (speed is null || cost is null)))
            {
                continue;
            }

            var link = new Link(
                id, from.Locode, to.Locode, mode.Value, distance.Value, gauge.Value, factorId, table.Text(row, "operator"),
                corridor.Length == 0 ? null : corridor, availability.Value, speed, cost, via, bidirectional.Value,
                table.Text(row, SourceTags.Column), table.Text(row, "notes"));
            links.Add(link);
        }

        return links;
    }

    private static Terminal? Terminal(
        CsvTable table, CsvRecord row, string column, IReadOnlyDictionary<Locode, (Terminal Terminal, int Line)> terminals, IReadOnlySet<Locode> rejected)
    {
        var text = table.Required(row, column);
        if (text is null)
        {
            return null;
        }

        if (!Locode.TryParse(text, out var locode))
        {
            table.Report(row, column, $"'{text}' is not a UN/LOCODE");
            return null;
        }

        if (!terminals.TryGetValue(locode, out var entry))
        {
            if (!rejected.Contains(locode))
            {
                table.Report(row, column, $"unknown terminal {locode} (not in terminals.csv)");
            }

            return null;
        }

        return entry.Terminal;
    }

    private static RailGauges? ReadGauge(CsvTable table, CsvRecord row, TransportMode? mode, Terminal? from, Terminal? to)
    {
        var text = table.Text(row, "gauge");
        if (mode != TransportMode.Rail)
        {
            if (text.Length > 0 && mode is not null)
            {
                table.Report(row, "gauge", $"only rail links have a gauge; this link is {mode}");
                return null;
            }

            return RailGauges.None;
        }

        if (text.Length == 0)
        {
            table.Report(row, "gauge", "a rail link needs its gauge (1435, 1520 or 1668)");
            return null;
        }

        if (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var mm) || !RailGauge.TryFromMillimetres(mm, out var gauge))
        {
            table.Report(row, "gauge", $"'{text}' is not a rail gauge (1435, 1520 or 1668)");
            return null;
        }

        foreach (var end in (ReadOnlySpan<Terminal?>)[from, to])
        {
            if (end is not null && !end.Gauges.HasFlag(gauge))
            {
                var present = end.Gauges == RailGauges.None ? "no rail gauge" : "gauges " + string.Join(";", RailGauge.Millimetres(end.Gauges));
                table.Report(row, "gauge", $"{mm} mm does not match terminal {end.Locode} ({end.Name}), which has {present}");
                return null;
            }
        }

        return gauge;
    }

    internal static IReadOnlyList<CountryCode>? ReadCountries(CsvTable table, CsvRecord row, string column, CountryDirectory countries)
    {
        var text = table.Text(row, column);
        if (text.Length == 0)
        {
            return [];
        }

        var list = new List<CountryCode>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!CountryCode.TryParse(part, out var code) || !countries.Contains(code))
            {
                table.Report(row, column, $"'{part}' is not an ISO 3166-1 alpha-2 country in countries.csv");
                return null;
            }

            list.Add(code);
        }

        return list;
    }
}
