using System.Globalization;
using System.Text;
using Caravan.Core.Network;
using FsCheck;
using FsCheck.Fluent;

namespace Caravan.Core.Tests.Network;

/// <summary>
/// A random valid tiny network: terminals along a line, each pair of neighbours joined by a rail link of a random
/// gauge (the terminals carry the gauges of their links, so gauge breaks appear) and sometimes a road beside it,
/// with rail services over random stretches of the line. <see cref="ToFiles"/> writes it as the network's CSV files.
/// </summary>
internal sealed record RandomLineNetwork(
    IReadOnlyList<string> Countries,
    IReadOnlyList<double> Longitudes,
    IReadOnlyList<int> Gauges,
    IReadOnlyList<double> Kilometres,
    IReadOnlyList<bool> Scheduled,
    IReadOnlyList<bool> RoadBeside,
    IReadOnlyList<RandomService> Services)
{
    private static readonly string[] CountryCodes = ["CN", "KZ", "AZ", "GE"];
    private static readonly int[] GaugeWidths = [1435, 1520, 1668];
    private static readonly string[] Kinds = ["rail_terminal", "dry_port", "border_crossing", "inland_hub", "junction"];

    public static Gen<RandomLineNetwork> Generator { get; } =
        from terminals in Gen.Choose(2, 8)
        from countries in Gen.ArrayOf(Gen.Elements(CountryCodes), terminals)
        from steps in Gen.ArrayOf(Gen.Choose(1, 90), terminals)
        from gauges in Gen.ArrayOf(Gen.Elements(GaugeWidths), terminals - 1)
        from decikilometres in Gen.ArrayOf(Gen.Choose(1, 50_000), terminals - 1)
        from scheduled in Gen.ArrayOf(Gen.Elements(true, false), terminals - 1)
        from roads in Gen.ArrayOf(Gen.Elements(true, false), terminals - 1)
        from services in Gen.NonEmptyListOf(ServiceGenerator(terminals)).Select(s => s.Take(3).ToArray())
        select new RandomLineNetwork(
            countries,
            steps.Select((_, i) => 40 + steps.Take(i + 1).Sum() / 10.0).ToArray(),
            gauges,
            decikilometres.Select(d => d / 10.0).ToArray(),
            scheduled,
            roads,
            services);

    public int TerminalCount => Countries.Count;

    public int LinkCount => Gauges.Count + RoadBeside.Count(r => r);

    public string Locode(int terminal) =>
        $"{Countries[terminal]}Q{(char)('A' + terminal)}{(char)('A' + (terminal * 7 % 26))}";

    /// <summary>The valid tiny network with its terminals, links and services replaced by this one's.</summary>
    public TestNetworkFiles ToFiles() =>
        TestNetworkFiles.Valid()
            .WithFile(NetworkFileNames.Terminals, TerminalsCsv())
            .WithFile(NetworkFileNames.Links, LinksCsv())
            .WithFile(NetworkFileNames.Services, ServicesCsv())
            .WithFile(NetworkFileNames.ServiceStops, StopsCsv())
            .WithFile(NetworkFileNames.Timetable, TimetableCsv());

    public override string ToString() =>
        $"{TerminalCount} terminals, gauges {string.Join(' ', Gauges)}, km {string.Join(' ', Kilometres)}, "
        + $"scheduled {string.Join(' ', Scheduled)}, roads {string.Join(' ', RoadBeside)}, services {string.Join("; ", Services.Select(s => $"{s.From}→{s.To} x{s.Departures.Count}"))}";

    private static Gen<RandomService> ServiceGenerator(int terminals) =>
        from first in Gen.Choose(0, terminals - 2)
        from last in Gen.Choose(first + 1, terminals - 1)
        from legs in Gen.ArrayOf(Gen.Choose(1, 72), last - first)
        from dwells in Gen.ArrayOf(Gen.Choose(0, 12), last - first - 1)
        from departures in Gen.NonEmptyListOf(
            from weekday in Gen.Choose(1, 7)
            from hour in Gen.Choose(0, 23)
            from minute in Gen.Elements(0, 15, 30, 45)
            select (weekday, hour, minute))
        select new RandomService(first, last, legs, dwells, departures.Distinct().ToArray());

    private string TerminalsCsv()
    {
        var csv = new StringBuilder("locode,name,country,lat,lon,kind,gauges,handling_hours,handling_usd,dwell_p50_hours,dwell_p90_hours,locode_status,sources\n");
        for (var i = 0; i < TerminalCount; i++)
        {
            var gauges = new[] { i > 0 ? Gauges[i - 1] : 0, i < Gauges.Count ? Gauges[i] : 0 }.Where(g => g > 0).Distinct().Order();
            csv.Append(CultureInfo.InvariantCulture,
                $"{Locode(i)},Terminal {i},{Countries[i]},42.5,{Longitudes[i]},{Kinds[i % Kinds.Length]},{string.Join(';', gauges)},{i % 5},{i * 10},{i},{2 * i},unverified,position=E;handling=E;dwell=E\n");
        }

        return csv.ToString();
    }

    private string LinksCsv()
    {
        var csv = new StringBuilder("id,from,to,mode,distance_km,gauge,emission_factor,operator,corridor,availability,speed_kmh,cost_usd,via_countries,bidirectional,sources\n");
        for (var i = 0; i < Gauges.Count; i++)
        {
            var via = Countries[i] == Countries[i + 1] ? Countries[i] : $"{Countries[i]};{Countries[i + 1]}";
            var availability = Scheduled[i] ? "scheduled,,," : $"continuous,40,{i * 100},";
            var sources = Scheduled[i] ? "distance=E" : "distance=E;speed=E;cost=E";
            csv.Append(CultureInfo.InvariantCulture,
                $"rail-{i},{Locode(i)},{Locode(i + 1)},rail,{Kilometres[i]},{Gauges[i]},rail_electric,,middle,{availability}{via},yes,{sources}\n");
            if (RoadBeside[i])
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"road-{i},{Locode(i + 1)},{Locode(i)},road,{Kilometres[i] + 1},,road_diesel,,,continuous,60,{i * 150},{via},yes,distance=E;speed=E;cost=E\n");
            }
        }

        return csv.ToString();
    }

    private string ServicesCsv()
    {
        var csv = new StringBuilder("id,name,operator,mode,corridor,cutoff_hours,capacity_teu,price_usd,sources\n");
        for (var s = 0; s < Services.Count; s++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"train-{s},Train {s},,rail,middle,{s * 6},{40 + s},{1000 + s},price=E;capacity=E;schedule=E;times=E\n");
        }

        return csv.ToString();
    }

    private string StopsCsv()
    {
        var csv = new StringBuilder("service,seq,locode,arrival_hours,departure_hours\n");
        for (var s = 0; s < Services.Count; s++)
        {
            var service = Services[s];
            var hours = 0;
            csv.Append(CultureInfo.InvariantCulture, $"train-{s},1,{Locode(service.From)},,0\n");
            for (var k = 1; k < service.StopCount; k++)
            {
                hours += service.LegHours[k - 1];
                var arrival = hours;
                var last = k == service.StopCount - 1;
                if (!last)
                {
                    hours += service.DwellHours[k - 1];
                }

                csv.Append(CultureInfo.InvariantCulture, $"train-{s},{k + 1},{Locode(service.From + k)},{arrival},{(last ? string.Empty : hours.ToString(CultureInfo.InvariantCulture))}\n");
            }
        }

        return csv.ToString();
    }

    private string TimetableCsv()
    {
        var csv = new StringBuilder("service,weekday,departure_time\n");
        for (var s = 0; s < Services.Count; s++)
        {
            foreach (var (weekday, hour, minute) in Services[s].Departures)
            {
                csv.Append(CultureInfo.InvariantCulture, $"train-{s},{weekday},{hour:00}:{minute:00}\n");
            }
        }

        return csv.ToString();
    }
}
