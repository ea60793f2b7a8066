using Caravan.Core.Geography;
using Caravan.Core.Network.Csv;
using Caravan.Core.Shipments;

namespace Caravan.Core.Network.Loading;

/// <summary>Reads countries, emission factors and container types, reporting every bad field.</summary>
internal static class ReferenceDataReader
{
    private static readonly Dictionary<string, ScoStatus> ScoStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["member"] = ScoStatus.Member,
        ["partner"] = ScoStatus.Partner,
    };

    public static List<Country> ReadCountries(CsvTable table)
    {
        var countries = new List<Country>();
        var seen = new HashSet<CountryCode>();
        foreach (var row in table.ReadRows())
        {
            var codeText = table.Required(row, "alpha2");
            var name = table.Required(row, "name");
            var sco = table.Choice(row, "sco_status", ScoStatuses, required: false) ?? ScoStatus.None;
            if (codeText is null || name is null)
            {
                continue;
            }

            if (!CountryCode.TryParse(codeText, out var code))
            {
                table.Report(row, "alpha2", $"'{codeText}' is not an ISO 3166-1 alpha-2 code (two letters)");
                continue;
            }

            if (!seen.Add(code))
            {
                table.Report(row, "alpha2", $"duplicate country {code}");
                continue;
            }

            countries.Add(new Country(code, name, sco));
        }

        return countries;
    }

    public static List<EmissionFactor> ReadEmissionFactors(CsvTable table)
    {
        var factors = new List<EmissionFactor>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.ReadRows())
        {
            var id = table.Required(row, "id");
            var category = table.Choice(row, "category", Vocabulary.EmissionCategories);
            var wtw = table.Number(row, "wtw_kg_co2e", min: 0);
            var ttw = table.Number(row, "ttw_kg_co2e", min: 0, required: false);
            var unit = table.Required(row, "unit");
            SourceTags.Check(table, row, ["factor"]);
            if (id is not null && !ids.Add(id))
            {
                table.Report(row, "id", $"duplicate emission factor id '{id}'");
            }

            TransportMode? mode = null;
            Energy? energy = null;
            TerminalKind? hubKind = null;
            if (category == EmissionCategory.Transport)
            {
                mode = table.Choice(row, "mode", Vocabulary.Modes);
                energy = table.Choice(row, "energy", Vocabulary.Energies);
                if (unit is not null && unit != "teu_km")
                {
                    table.Report(row, "unit", $"transport factors are per TEU-km: expected 'teu_km', got '{unit}'");
                }
            }
            else if (category == EmissionCategory.Hub)
            {
                var kind = table.Text(row, "hub_kind");
                if (!string.Equals(kind, "any", StringComparison.OrdinalIgnoreCase))
                {
                    hubKind = table.Choice(row, "hub_kind", Vocabulary.TerminalKinds);
                }

                if (unit is not null && unit != "teu")
                {
                    table.Report(row, "unit", $"hub factors are per TEU transshipped: expected 'teu', got '{unit}'");
                }
            }

            if (id is null || category is null || wtw is null)
            {
                continue;
            }

            factors.Add(new EmissionFactor(id, category.Value, mode, energy, hubKind, wtw.Value, ttw ?? 0, table.Text(row, SourceTags.Column), table.Text(row, "notes")));
        }

        return factors;
    }

    public static List<ContainerType> ReadContainerTypes(CsvTable table)
    {
        var types = new List<ContainerType>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.ReadRows())
        {
            var code = table.Required(row, "code");
            var iso = table.Required(row, "iso_size_type");
            var teu = table.Integer(row, "teu", 1, 2);
            var tare = table.Number(row, "tare_kg", min: 0);
            var gross = table.Number(row, "max_gross_kg", min: 0);
            var reefer = table.Choice(row, "reefer", Vocabulary.YesNo);
            var costFactor = table.Number(row, "cost_factor", min: 0, positive: true);
            var co2eFactor = table.Number(row, "co2e_factor", min: 0, positive: true);
            SourceTags.Check(table, row, ["cost_factor", "co2e_factor"]);
            if (code is not null && !codes.Add(code))
            {
                table.Report(row, "code", $"duplicate container type '{code}'");
            }

            if (code is null || iso is null || teu is null || tare is null || gross is null || reefer is null || costFactor is null || co2eFactor is null)
            {
                continue;
            }

            types.Add(new ContainerType(code.ToUpperInvariant(), iso, teu.Value, tare.Value, gross.Value, reefer.Value, costFactor.Value, co2eFactor.Value));
        }

        return types;
    }
}
