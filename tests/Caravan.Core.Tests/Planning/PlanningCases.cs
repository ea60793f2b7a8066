using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using FsCheck;
using FsCheck.Fluent;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// FsCheck generators of small random corridor networks (5–12 terminals, continuous rail and road links, one to
/// four weekly services) and requests on them with random constraints. Every figure is a whole number of minutes,
/// kilometres or dollars, so results can be checked exactly.
/// </summary>
internal static class PlanningCases
{
    private static readonly string[] Countries = ["CN", "KZ", "AZ", "GE", "RU"];
    private static readonly RailGauges[] Gauges = [RailGauges.Standard1435, RailGauges.Broad1520, RailGauges.Standard1435 | RailGauges.Broad1520];

    public static Arbitrary<PlanningCase> Arbitrary { get; } = Arb.From(Case());

    private static Gen<PlanningCase> Case() =>
        from n in Gen.Choose(5, 12)
        from terminals in Gen.CollectToList(Enumerable.Range(0, n), Terminal)
        from linkCount in Gen.Choose(n - 1, 2 * n)
        from links in Gen.CollectToList(Enumerable.Range(0, linkCount), i => ContinuousLink(i, terminals))
        from serviceCount in Gen.Choose(1, 4)
        from services in Gen.CollectToList(Enumerable.Range(0, serviceCount), s => Service(s, terminals))
        from request in Request(terminals)
        select Assemble(terminals, links, services, request);

    private static Gen<Terminal> Terminal(int i) =>
        from country in Gen.Elements(Countries)
        from gauges in Gen.Elements(Gauges)
        from handling in Gen.Choose(0, 8 * 60)
        from handlingUsd in Gen.Choose(0, 400)
        from dwell in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 24 * 60)))
        from spread in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 72 * 60)))
        select new Terminal(
            Locode.Parse($"{country}T{(char)('A' + i)}X"),
            $"T{i}",
            CountryCode.Parse(country),
            new GeoPoint(40, 40 + i),
            TerminalKind.RailTerminal,
            gauges,
            handling / 60.0,
            handlingUsd,
            dwell / 60.0,
            (dwell + spread) / 60.0,
            LocodeStatus.Custom,
            "test",
            string.Empty);

    private static Gen<Link> ContinuousLink(int i, List<Terminal> terminals) =>
        from tail in Gen.Choose(0, terminals.Count - 1)
        from step in Gen.Choose(1, terminals.Count - 1)
        from mode in Gen.Elements(TransportMode.Rail, TransportMode.Road)
        from gauge in Gen.Elements(RailGauges.Standard1435, RailGauges.Broad1520)
        from km in Gen.Choose(50, 2000)
        from kmh in Gen.Choose(20, 90)
        from usd in Gen.Choose(50, 2000)
        from via in Via()
        from bidirectional in Gen.Elements(true, false)
        select new Link(
            $"C{i}",
            terminals[tail].Locode,
            terminals[(tail + step) % terminals.Count].Locode,
            mode,
            km,
            mode == TransportMode.Rail ? gauge : RailGauges.None,
            mode.ToString().ToLowerInvariant(),
            "test",
            null,
            LinkAvailability.Continuous,
            kmh,
            usd,
            via,
            bidirectional,
            "test",
            string.Empty);

    private static Gen<List<CountryCode>> Via() =>
        Gen.Frequency(
            (3, Gen.Constant(new List<CountryCode>())),
            (1, Gen.Elements(Countries).Select(c => new List<CountryCode> { CountryCode.Parse(c) })));

    /// <summary>A service and the scheduled links its stretches need, as (service, links).</summary>
    private static Gen<(Service Service, List<Link> Links)> Service(int s, List<Terminal> terminals) =>
        from mode in Gen.Elements(TransportMode.Rail, TransportMode.Ferry, TransportMode.Sea)
        from order in Gen.Shuffle(Enumerable.Range(0, terminals.Count))
        from stopCount in Gen.Choose(2, Math.Min(4, terminals.Count))
        from travel in Gen.ListOf(Gen.Choose(60, 72 * 60), stopCount)
        from layover in Gen.ListOf(Gen.Choose(0, 6 * 60), stopCount)
        from km in Gen.ListOf(Gen.Choose(100, 2000), stopCount)
        from via in Gen.ListOf(Via(), stopCount)
        from departureCount in Gen.Choose(1, 3)
        from weekdays in Gen.ListOf(Gen.Choose(1, 7), departureCount)
        from minutes in Gen.ListOf(Gen.Choose(0, (24 * 60) - 1), departureCount)
        from cutoff in Gen.Choose(0, 24 * 60)
        from price in Gen.Choose(100, 3000)
        select BuildService(s, mode, order.Take(stopCount).Select(i => terminals[i]).ToList(), travel, layover, km, via, weekdays, minutes, cutoff, price);

    private static (Service, List<Link>) BuildService(
        int s,
        TransportMode mode,
        List<Terminal> stops,
        IReadOnlyList<int> travel,
        IReadOnlyList<int> layover,
        IReadOnlyList<int> km,
        IReadOnlyList<List<CountryCode>> via,
        IReadOnlyList<int> weekdays,
        IReadOnlyList<int> minutes,
        int cutoff,
        int price)
    {
        var serviceStops = new List<ServiceStop>();
        var links = new List<Link>();
        var clock = 0;
        for (var k = 0; k < stops.Count; k++)
        {
            double? arrival = null;
            if (k > 0)
            {
                clock += travel[k];
                arrival = clock / 60.0;
                links.Add(new Link(
                    $"S{s}L{k}",
                    stops[k - 1].Locode,
                    stops[k].Locode,
                    mode,
                    km[k],
                    mode == TransportMode.Rail ? RailGauges.Standard1435 : RailGauges.None,
                    mode.ToString().ToLowerInvariant(),
                    "test",
                    null,
                    LinkAvailability.Scheduled,
                    null,
                    null,
                    via[k],
                    false,
                    "test",
                    string.Empty));
            }

            double? departure = null;
            if (k < stops.Count - 1)
            {
                clock += k > 0 ? layover[k] : 0;
                departure = clock / 60.0;
            }

            serviceStops.Add(new ServiceStop(stops[k].Locode, arrival, departure));
        }

        var departures = weekdays
            .Select((d, i) => new WeeklyDeparture(d, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes[i]))))
            .Distinct()
            .ToList();
        var service = new Service($"SVC{s}", $"Service {s}", "test", mode, null, cutoff / 60.0, 100, price, serviceStops, departures, "test", string.Empty);
        return (service, links);
    }

    private sealed record RequestShape(
        int Origin,
        int Step,
        int ReadyMinute,
        int WindowMinutes,
        string? AvoidCountry,
        int? AvoidTerminal,
        TransportMode[] Modes,
        int? MaxTransfers,
        int Count,
        string Container);

    private static Gen<RequestShape> Request(List<Terminal> terminals) =>
        from origin in Gen.Choose(0, terminals.Count - 1)
        from step in Gen.Choose(1, terminals.Count - 1)
        from ready in Gen.Choose(0, (7 * 24 * 60) - 1)
        from window in Gen.Frequency((1, Gen.Constant(7 * 24 * 60)), (2, Gen.Choose(0, 10 * 24 * 60)))
        from avoidCountry in Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements(Countries).Select(c => (string?)c)))
        from avoidTerminal in Gen.Frequency((4, Gen.Constant<int?>(null)), (1, Gen.Choose(0, terminals.Count - 1).Select(i => (int?)i)))
        from modes in Gen.Frequency(
            (3, Gen.Constant(Array.Empty<TransportMode>())),
            (1, Gen.SubListOf(Enum.GetValues<TransportMode>()).Select(m => m.ToArray())))
        from maxTransfers in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 3).Select(m => (int?)m)))
        from count in Gen.Choose(1, 3)
        from container in Gen.Elements("20GP", "40GP", "40HC", "40RF")
        select new RequestShape(origin, step, ready, window, avoidCountry, avoidTerminal, modes, maxTransfers, count, container);

    private static PlanningCase Assemble(List<Terminal> terminals, List<Link> continuous, List<(Service Service, List<Link> Links)> services, RequestShape shape)
    {
        // Services' stretches first; where two services share a stretch, the first link listed serves both.
        var links = services.SelectMany(s => s.Links).Concat(continuous).ToList();
        var constraints = new RouteConstraints
        {
            AvoidCountries = shape.AvoidCountry is { } country ? new HashSet<CountryCode> { CountryCode.Parse(country) } : new HashSet<CountryCode>(),
            AvoidTerminals = shape.AvoidTerminal is { } t ? new HashSet<Locode> { terminals[t].Locode } : new HashSet<Locode>(),
            AllowedModes = shape.Modes.ToHashSet(),
            MaxTransfers = shape.MaxTransfers,
        };
        var request = new RouteRequest(
            terminals[shape.Origin].Locode,
            terminals[(shape.Origin + shape.Step) % terminals.Count].Locode,
            TestNetwork.Monday.AddMinutes(shape.ReadyMinute),
            [new ContainerLoad(TestNetwork.Container(shape.Container), shape.Count)])
        {
            DepartureWindow = TimeSpan.FromMinutes(shape.WindowMinutes),
            Constraints = constraints,
        };
        return new PlanningCase(terminals, links, services.Select(s => s.Service).ToList(), request);
    }
}
