using System.Globalization;
using Caravan.Core.Geography;
using Caravan.Core.Network.Csv;

namespace Caravan.Core.Network.Loading;

/// <summary>Reads <c>services.csv</c>, <c>service_stops.csv</c> and <c>timetable.csv</c> into services.</summary>
internal static class ServicesReader
{
    public static readonly string[] ServiceColumns =
        ["id", "name", "operator", "mode", "corridor", "cutoff_hours", "capacity_teu", "price_usd", SourceTags.Column];

    public static readonly string[] StopColumns = ["service", "seq", "locode", "arrival_hours", "departure_hours"];

    public static readonly string[] TimetableColumns = ["service", "weekday", "departure_time"];

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm"];

    private sealed record ServiceRow(int Line, string Id, string Name, string Operator, TransportMode Mode, string? Corridor, double Cutoff, int Capacity, double Price, string Sources, string Notes);

    public static List<Service> Read(
        CsvTable services,
        CsvTable stops,
        CsvTable timetable,
        IReadOnlyDictionary<Locode, (Terminal Terminal, int Line)> terminals,
        IReadOnlySet<(Locode From, Locode To, TransportMode Mode)> directedLinks,
        IReadOnlySet<string> corridors,
        IReadOnlySet<Locode> rejectedTerminals)
    {
        var headers = new Dictionary<string, ServiceRow>(StringComparer.Ordinal);
        var rejected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in services.ReadRows())
        {
            var id = services.Required(row, "id");
            var name = services.Required(row, "name");
            var mode = services.Choice(row, "mode", Vocabulary.Modes);
            var corridor = services.Text(row, "corridor");
            var cutoff = services.Number(row, "cutoff_hours", min: 0);
            var capacity = services.Integer(row, "capacity_teu", 1, 1_000_000);
            var price = services.Number(row, "price_usd", min: 0);
            SourceTags.Check(services, row, ["price", "capacity", "schedule", "times"]);
            if (corridor.Length > 0 && !corridors.Contains(corridor))
            {
                services.Report(row, "corridor", $"unknown corridor '{corridor}' (not in corridors.csv)");
            }

            if (id is not null && headers.TryGetValue(id, out var first))
            {
                services.Report(row, "id", $"duplicate service id '{id}' (first defined on line {first.Line})");
                continue;
            }

            if (id is null || name is null || mode is null || cutoff is null || capacity is null || price is null)
            {
                if (id is not null)
                {
                    rejected.TryAdd(id, row.Line);
                }

                continue;
            }

            headers[id] = new ServiceRow(row.Line, id, name, services.Text(row, "operator"), mode.Value, corridor.Length == 0 ? null : corridor,
                cutoff.Value, capacity.Value, price.Value, services.Text(row, SourceTags.Column), services.Text(row, "notes"));
        }

        var incomplete = new HashSet<string>(StringComparer.Ordinal);
        var stopsByService = ReadStops(stops, terminals, headers, rejected, rejectedTerminals, incomplete);
        var departuresByService = ReadTimetable(timetable, headers, rejected);

        var result = new List<Service>();
        foreach (var header in headers.Values)
        {
            var serviceStops = stopsByService.TryGetValue(header.Id, out var s) ? s : [];
            var departures = departuresByService.TryGetValue(header.Id, out var d) ? d : [];
            if (incomplete.Contains(header.Id))
            {
                // A stop row of this service has its own error; checking the rest of the sequence would only echo it.
                continue;
            }

            if (!CheckStops(services, stops, header, serviceStops, directedLinks))
            {
                continue;
            }

            if (departures.Count == 0)
            {
                services.Report(header.Line, "id", $"service '{header.Id}' has no departures in timetable.csv");
                continue;
            }

            result.Add(new Service(
                header.Id, header.Name, header.Operator, header.Mode, header.Corridor, header.Cutoff, header.Capacity, header.Price,
                serviceStops.Select(x => x.Stop).ToArray(), departures.OrderBy(x => x.MinuteOfWeek).ToArray(), header.Sources, header.Notes));
        }

        return result;
    }

    private static Dictionary<string, List<(ServiceStop Stop, int Line, int Seq)>> ReadStops(
        CsvTable stops, IReadOnlyDictionary<Locode, (Terminal Terminal, int Line)> terminals, Dictionary<string, ServiceRow> headers, Dictionary<string, int> rejected,
        IReadOnlySet<Locode> rejectedTerminals, HashSet<string> incomplete)
    {
        var byService = new Dictionary<string, List<(ServiceStop Stop, int Line, int Seq)>>(StringComparer.Ordinal);
        foreach (var row in stops.ReadRows())
        {
            var service = stops.Required(row, "service");
            var seq = stops.Integer(row, "seq", 1, 10_000);
            var locodeText = stops.Required(row, "locode");
            var arrival = stops.Number(row, "arrival_hours", min: 0, required: false);
            var departure = stops.Number(row, "departure_hours", min: 0, required: false);
            if (service is not null && !headers.ContainsKey(service))
            {
                if (!rejected.ContainsKey(service))
                {
                    stops.Report(row, "service", $"unknown service '{service}' (not in services.csv)");
                }

                service = null;
            }

            Locode locode = default;
            if (locodeText is not null)
            {
                if (!Locode.TryParse(locodeText, out locode))
                {
                    stops.Report(row, "locode", $"'{locodeText}' is not a UN/LOCODE");
                }
                else if (!terminals.ContainsKey(locode))
                {
                    if (!rejectedTerminals.Contains(locode))
                    {
                        stops.Report(row, "locode", $"unknown terminal {locode} (not in terminals.csv)");
                    }

                    locode = default;
                }
            }

            if (service is null || seq is null || locode == default)
            {
                if (service is not null)
                {
                    incomplete.Add(service);
                }

                continue;
            }

            if (!byService.TryGetValue(service, out var list))
            {
                byService[service] = list = [];
            }

            list.Add((new ServiceStop(locode, arrival, departure), row.Line, seq.Value));
        }

        foreach (var list in byService.Values)
        {
            list.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        }

        return byService;
    }

    private static bool CheckStops(
        CsvTable services, CsvTable stops, ServiceRow header, List<(ServiceStop Stop, int Line, int Seq)> list, IReadOnlySet<(Locode From, Locode To, TransportMode Mode)> directedLinks)
    {
        if (list.Count < 2)
        {
            services.Report(header.Line, "id", $"service '{header.Id}' needs at least two stops in service_stops.csv, it has {list.Count}");
            return false;
        }

        var ok = true;
        double previous = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var (stop, line, seq) = list[i];
            if (seq != i + 1)
            {
                stops.Report(line, "seq", $"stops of '{header.Id}' must be numbered 1, 2, 3 … without gaps or repeats; expected {i + 1}, got {seq}");
                ok = false;
            }

            var first = i == 0;
            var last = i == list.Count - 1;
            if (first && (stop.DepartureHours is not 0 || stop.ArrivalHours is not null))
            {
                stops.Report(line, "departure_hours", "the first stop departs at offset 0 and has no arrival");
                ok = false;
            }

            if (last && (stop.ArrivalHours is null || stop.DepartureHours is not null))
            {
                stops.Report(line, "arrival_hours", "the last stop needs an arrival and no departure");
                ok = false;
            }

            if (!first && !last && (stop.ArrivalHours is null || stop.DepartureHours is null))
            {
                stops.Report(line, stop.ArrivalHours is null ? "arrival_hours" : "departure_hours", "an intermediate stop needs both an arrival and a departure");
                ok = false;
            }

            if (stop.ArrivalHours is { } arr)
            {
                if (arr <= previous)
                {
                    stops.Report(line, "arrival_hours", $"arrival {arr.ToString(CultureInfo.InvariantCulture)} h is not after the previous departure {previous.ToString(CultureInfo.InvariantCulture)} h");
                    ok = false;
                }

                previous = arr;
            }

            if (stop.DepartureHours is { } dep && !first)
            {
                if (dep < previous)
                {
                    stops.Report(line, "departure_hours", $"departure {dep.ToString(CultureInfo.InvariantCulture)} h is before the arrival {previous.ToString(CultureInfo.InvariantCulture)} h");
                    ok = false;
                }

                previous = dep;
            }

            if (i > 0 && !directedLinks.Contains((list[i - 1].Stop.Locode, stop.Locode, header.Mode)))
            {
                stops.Report(line, "locode", $"no {header.Mode.ToString().ToLowerInvariant()} link from {list[i - 1].Stop.Locode} to {stop.Locode} for service '{header.Id}'");
                ok = false;
            }
        }

        return ok;
    }

    private static Dictionary<string, List<WeeklyDeparture>> ReadTimetable(CsvTable timetable, Dictionary<string, ServiceRow> headers, Dictionary<string, int> rejected)
    {
        var byService = new Dictionary<string, List<WeeklyDeparture>>(StringComparer.Ordinal);
        foreach (var row in timetable.ReadRows())
        {
            var service = timetable.Required(row, "service");
            var weekday = timetable.Integer(row, "weekday", 1, 7);
            var timeText = timetable.Required(row, "departure_time");
            if (service is not null && !headers.ContainsKey(service))
            {
                if (!rejected.ContainsKey(service))
                {
                    timetable.Report(row, "service", $"unknown service '{service}' (not in services.csv)");
                }

                service = null;
            }

            TimeOnly time = default;
            if (timeText is not null && !TimeOnly.TryParseExact(timeText, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            {
                timetable.Report(row, "departure_time", $"'{timeText}' is not a time of day HH:MM (UTC)");
                timeText = null;
            }

            if (service is null || weekday is null || timeText is null)
            {
                continue;
            }

            if (!byService.TryGetValue(service, out var list))
            {
                byService[service] = list = [];
            }

            var departure = new WeeklyDeparture(weekday.Value, time);
            if (list.Contains(departure))
            {
                timetable.Report(row, "departure_time", $"duplicate departure of '{service}' on weekday {weekday} at {timeText}");
                continue;
            }

            list.Add(departure);
        }

        return byService;
    }
}
