using Caravan.Core.Geography;
using Caravan.Core.Network.Csv;

namespace Caravan.Core.Network.Loading;

/// <summary>Reads <c>terminals.csv</c> into terminals keyed by code, remembering each one's row.</summary>
internal static class TerminalsReader
{
    public static readonly string[] Columns =
    [
        "locode", "name", "country", "lat", "lon", "kind", "gauges", "handling_hours", "handling_usd",
        "dwell_p50_hours", "dwell_p90_hours", "locode_status", SourceTags.Column,
    ];

    /// <summary>Reads every row; <paramref name="rejected"/> receives the codes of terminals whose rows have errors, so other files' references to them are not reported again.</summary>
    public static Dictionary<Locode, (Terminal Terminal, int Line)> Read(CsvTable table, CountryDirectory countries, ISet<Locode> rejected)
    {
        var terminals = new Dictionary<Locode, (Terminal Terminal, int Line)>();
        foreach (var row in table.ReadRows())
        {
            var locodeText = table.Required(row, "locode");
            var name = table.Required(row, "name");
            var countryText = table.Required(row, "country");
            var lat = table.Number(row, "lat", min: -90);
            var lon = table.Number(row, "lon", min: -180);
            var kind = table.Choice(row, "kind", Vocabulary.TerminalKinds);
            var gauges = ReadGauges(table, row);
            var handlingHours = table.Number(row, "handling_hours", min: 0);
            var handlingUsd = table.Number(row, "handling_usd", min: 0);
            var dwellP50 = table.Number(row, "dwell_p50_hours", min: 0);
            var dwellP90 = table.Number(row, "dwell_p90_hours", min: 0);
            var status = table.Choice(row, "locode_status", Vocabulary.LocodeStatuses);
            SourceTags.Check(table, row, ["position", "handling", "dwell"]);

            Locode locode = default;
            if (locodeText is not null && !Locode.TryParse(locodeText, out locode))
            {
                table.Report(row, "locode", $"'{locodeText}' is not a UN/LOCODE (two letters, then three of A–Z or 2–9)");
            }

            CountryCode country = default;
            if (countryText is not null)
            {
                if (!CountryCode.TryParse(countryText, out country) || !countries.Contains(country))
                {
                    table.Report(row, "country", $"'{countryText}' is not an ISO 3166-1 alpha-2 country in countries.csv");
                    country = default;
                }
                else if (locode != default && locode.Country != country)
                {
                    table.Report(row, "locode", $"code {locode} starts with {locode.Country} but the terminal's country is {country}");
                }
            }

            if (lat is > 90)
            {
                table.Report(row, "lat", $"latitude {lat} is beyond 90°");
                lat = null;
            }

            if (lon is > 180)
            {
                table.Report(row, "lon", $"longitude {lon} is beyond 180°");
                lon = null;
            }

            if (dwellP50 is not null && dwellP90 is not null && dwellP90 < dwellP50)
            {
                table.Report(row, "dwell_p90_hours", $"the 90th percentile ({dwellP90}) is below the median ({dwellP50})");
                dwellP90 = null;
            }

            if (locode == default || name is null || country == default || lat is null || lon is null || kind is null || gauges is null
                || handlingHours is null || handlingUsd is null || dwellP50 is null || dwellP90 is null || status is null)
            {
                if (locode != default)
                {
                    rejected.Add(locode);
                }

                continue;
            }

            if (terminals.TryGetValue(locode, out var first))
            {
                table.Report(row, "locode", $"duplicate terminal {locode} (first defined on line {first.Line})");
                continue;
            }

            var terminal = new Terminal(
                locode, name, country, new GeoPoint(lat.Value, lon.Value), kind.Value, gauges.Value,
                handlingHours.Value, handlingUsd.Value, dwellP50.Value, dwellP90.Value, status.Value,
                table.Text(row, SourceTags.Column), table.Text(row, "notes"));
            terminals.Add(locode, (terminal, row.Line));
        }

        return terminals;
    }

    private static RailGauges? ReadGauges(CsvTable table, CsvRecord row)
    {
        var gauges = RailGauges.None;
        foreach (var part in table.Text(row, "gauges").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var mm) || !RailGauge.TryFromMillimetres(mm, out var gauge))
            {
                table.Report(row, "gauges", $"'{part}' is not a rail gauge (1435, 1520 or 1668)");
                return null;
            }

            gauges |= gauge;
        }

        return gauges;
    }
}
