using Caravan.Core.Geography;
using Caravan.Core.Network.Csv;
using Caravan.Core.Network.Loading;

namespace Caravan.Core.Network;

/// <summary>
/// Loads a corridor network from its CSV files and compiles it. Every problem is reported with file, line,
/// column and field; if there is any, no network is returned — a network is never half-loaded.
/// </summary>
public static class CorridorNetworkLoader
{
    private static readonly string[] CountryColumns = ["alpha2", "name", "sco_status"];
    private static readonly string[] FactorColumns = ["id", "category", "mode", "energy", "hub_kind", "wtw_kg_co2e", "ttw_kg_co2e", "unit", SourceTags.Column];
    private static readonly string[] ContainerColumns = ["code", "iso_size_type", "teu", "tare_kg", "max_gross_kg", "reefer", "cost_factor", "co2e_factor", SourceTags.Column];
    private static readonly string[] CorridorColumns = ["id", "name", "description"];

    public static NetworkLoadResult Load(NetworkSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<NetworkProblem>();

        using var countriesTable = Open(source, NetworkFileNames.Countries, CountryColumns, problems);
        var countries = new CountryDirectory(countriesTable is null ? [] : ReferenceDataReader.ReadCountries(countriesTable));
        using var factorsTable = Open(source, NetworkFileNames.EmissionFactors, FactorColumns, problems);
        var factors = factorsTable is null ? [] : ReferenceDataReader.ReadEmissionFactors(factorsTable);
        using var containersTable = Open(source, NetworkFileNames.ContainerTypes, ContainerColumns, problems);
        var containerTypes = containersTable is null ? [] : ReferenceDataReader.ReadContainerTypes(containersTable);

        using var corridorsTable = Open(source, NetworkFileNames.Corridors, CorridorColumns, problems);
        var corridors = corridorsTable is null ? [] : ReadCorridors(corridorsTable);
        var corridorIds = corridors.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        using var terminalsTable = Open(source, NetworkFileNames.Terminals, TerminalsReader.Columns, problems);
        var rejectedTerminals = new HashSet<Locode>();
        var terminals = terminalsTable is null ? [] : TerminalsReader.Read(terminalsTable, countries, rejectedTerminals);

        var factorsById = factors.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        using var linksTable = Open(source, NetworkFileNames.Links, LinksReader.Columns, problems);
        var links = linksTable is null ? [] : LinksReader.Read(linksTable, terminals, factorsById, corridorIds, countries, rejectedTerminals);

        var directed = new HashSet<(Locode From, Locode To, TransportMode Mode)>(links.Count * 2);
        foreach (var link in links)
        {
            directed.Add((link.From, link.To, link.Mode));
            if (link.Bidirectional)
            {
                directed.Add((link.To, link.From, link.Mode));
            }
        }

        using var servicesTable = Open(source, NetworkFileNames.Services, ServicesReader.ServiceColumns, problems);
        using var stopsTable = Open(source, NetworkFileNames.ServiceStops, ServicesReader.StopColumns, problems);
        using var timetableTable = Open(source, NetworkFileNames.Timetable, ServicesReader.TimetableColumns, problems);
        var services = servicesTable is null || stopsTable is null || timetableTable is null
            ? []
            : ServicesReader.Read(servicesTable, stopsTable, timetableTable, terminals, directed, corridorIds, rejectedTerminals);

        // Reachability is judged only on a complete set of links: a link dropped for its own error would make
        // terminals look unreached and echo that error.
        if (terminalsTable is not null && linksTable is not null && links.Count == linksTable.RowCount)
        {
            CheckEveryTerminalIsReached(terminalsTable, terminals, links);
        }

        foreach (var table in new[] { servicesTable, stopsTable, timetableTable })
        {
            table?.ReadRemainingRows();
        }

        if (problems.Count > 0)
        {
            return new NetworkLoadResult(null, Ordered(problems, source));
        }

        var reference = new ReferenceData(countries, factors, containerTypes);
        var network = CorridorNetwork.Compile(
            terminals.Values.OrderBy(t => t.Line).Select(t => t.Terminal).ToArray(),
            links.ToArray(),
            services,
            corridors,
            reference);
        return new NetworkLoadResult(network, []);
    }

    private static CsvTable? Open(NetworkSource source, string fileName, IReadOnlyList<string> columns, List<NetworkProblem> problems)
    {
        var display = source.DisplayPath(fileName);
        var reader = source.Open(fileName);
        if (reader is null)
        {
            problems.Add(new NetworkProblem(display, 1, 1, null, "file not found"));
            return null;
        }

        return CsvTable.Read(reader, display, columns, problems);
    }

    private static List<Corridor> ReadCorridors(CsvTable table)
    {
        var corridors = new List<Corridor>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.ReadRows())
        {
            var id = table.Required(row, "id");
            var name = table.Required(row, "name");
            if (id is null || name is null)
            {
                continue;
            }

            if (!ids.Add(id))
            {
                table.Report(row, "id", $"duplicate corridor id '{id}'");
                continue;
            }

            corridors.Add(new Corridor(id, name, table.Text(row, "description")));
        }

        return corridors;
    }

    private static void CheckEveryTerminalIsReached(CsvTable table, Dictionary<Locode, (Terminal Terminal, int Line)> terminals, List<Link> links)
    {
        var reached = new HashSet<Locode>();
        foreach (var link in links)
        {
            reached.Add(link.To);
            if (link.Bidirectional)
            {
                reached.Add(link.From);
            }
        }

        foreach (var (locode, entry) in terminals.Where(t => !reached.Contains(t.Key)).OrderBy(t => t.Value.Line))
        {
            table.Report(entry.Line, "locode", $"no link reaches terminal {locode} ({entry.Terminal.Name})");
        }
    }

    private static List<NetworkProblem> Ordered(List<NetworkProblem> problems, NetworkSource source)
    {
        var fileOrder = NetworkFileNames.ReferenceFiles.Concat(NetworkFileNames.NetworkFiles)
            .Select((name, i) => (source.DisplayPath(name), i))
            .ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
        return problems
            .OrderBy(p => fileOrder.GetValueOrDefault(p.File, int.MaxValue))
            .ThenBy(p => p.Line)
            .ThenBy(p => p.Column)
            .ToList();
    }
}
