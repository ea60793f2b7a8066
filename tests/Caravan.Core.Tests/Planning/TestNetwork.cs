using System.Globalization;
using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using Caravan.Core.Shipments;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// A fluent builder for tiny corridor networks, so a planner test reads like a drawing of its network:
/// terminals with their handling and dwell, continuous links with distance, speed and price, and timetabled
/// services with their stops and weekly departures. Countries come from the first two letters of each code.
/// </summary>
/// <remarks>
/// Reference figures, chosen to be easy to add up by hand: transport kg CO2e per TEU-km rail 0.02, road 0.1,
/// ferry 0.05, sea 0.01; hub 5 kg per TEU per transfer. Containers: 20GP (1 TEU, cost x0.6), 40GP and 40HC
/// (2 TEU, cost x1), 40RF reefer (2 TEU, cost x1.5, CO2e x1.3).
/// </remarks>
internal sealed class TestNetwork
{
    /// <summary>Monday 7 December 2026, 00:00 UTC: the start of the week every test counts from.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    public const double RailKgPerTeuKm = 0.02;
    public const double RoadKgPerTeuKm = 0.1;
    public const double FerryKgPerTeuKm = 0.05;
    public const double SeaKgPerTeuKm = 0.01;
    public const double HubKgPerTeu = 5;

    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private readonly List<Terminal> _terminals = [];
    private readonly List<Link> _links = [];
    private readonly List<Service> _services = [];

    public static ReferenceData Reference { get; } = new(
        new CountryDirectory(
            new[] { ("CN", "China"), ("KZ", "Kazakhstan"), ("AZ", "Azerbaijan"), ("GE", "Georgia"), ("TR", "Türkiye"), ("RU", "Russia"), ("BY", "Belarus"), ("PL", "Poland"), ("DE", "Germany"), ("TM", "Turkmenistan"), ("IR", "Iran") }
                .Select(c => new Country(CountryCode.Parse(c.Item1), c.Item2, ScoStatus.None))),
        [
            Transport("rail", TransportMode.Rail, Energy.Electric, RailKgPerTeuKm),
            Transport("road", TransportMode.Road, Energy.Diesel, RoadKgPerTeuKm),
            Transport("ferry", TransportMode.Ferry, Energy.MarineDieselOil, FerryKgPerTeuKm),
            Transport("sea", TransportMode.Sea, Energy.HeavyFuelOil, SeaKgPerTeuKm),
            new EmissionFactor("hub", EmissionCategory.Hub, null, null, null, HubKgPerTeu, HubKgPerTeu, "test", string.Empty),
        ],
        [
            new ContainerType("20GP", "22G1", 1, 2_200, 30_480, false, 0.6, 1.0),
            new ContainerType("40GP", "42G1", 2, 3_750, 30_480, false, 1.0, 1.0),
            new ContainerType("40HC", "45G1", 2, 3_900, 30_480, false, 1.0, 1.0),
            new ContainerType("40RF", "45R1", 2, 4_800, 34_000, true, 1.5, 1.3),
        ]);

    public static ContainerType Container(string code) => Reference.ContainerTypes.Single(t => t.Code == code);

    /// <summary>A time in the first test week, written like a timetable: <c>At("Fri 10:00")</c>.</summary>
    public static DateTimeOffset At(string weekdayAndTime)
    {
        var (weekday, time) = ParseWeekly(weekdayAndTime);
        return Monday.AddDays(weekday - 1).Add(time.ToTimeSpan());
    }

    /// <summary>A request for <paramref name="count"/> containers of <paramref name="container"/>, ready at <paramref name="ready"/>.</summary>
    public static RouteRequest Request(string from, string to, DateTimeOffset ready, int count = 1, string container = "40HC") =>
        new(Locode.Parse(from), Locode.Parse(to), ready, [new ContainerLoad(Container(container), count)]);

    public TestNetwork Terminal(
        string locode,
        double handlingHours = 0,
        double handlingUsd = 0,
        double dwellHours = 0,
        double? dwellP90Hours = null,
        RailGauges gauges = RailGauges.Standard1435,
        TerminalKind kind = TerminalKind.RailTerminal)
    {
        var code = Locode.Parse(locode);
        var position = new GeoPoint(40 + (_terminals.Count * 0.5), 50 + (_terminals.Count * 0.5));
        _terminals.Add(new Terminal(
            code,
            locode,
            code.Country,
            position,
            kind,
            gauges,
            handlingHours,
            handlingUsd,
            dwellHours,
            dwellP90Hours ?? dwellHours,
            LocodeStatus.Custom,
            "test",
            string.Empty));
        return this;
    }

    /// <summary>A continuous rail link of one gauge; <paramref name="via"/> names countries crossed between its ends.</summary>
    public TestNetwork Rail(string from, string to, double km, double kmh, double usd, RailGauges gauge = RailGauges.Standard1435, params string[] via) =>
        Continuous(from, to, TransportMode.Rail, km, kmh, usd, gauge, via);

    /// <summary>A continuous road link; <paramref name="via"/> names countries crossed between its ends.</summary>
    public TestNetwork Road(string from, string to, double km, double kmh, double usd, params string[] via) =>
        Continuous(from, to, TransportMode.Road, km, kmh, usd, RailGauges.None, via);

    public TestNetwork Continuous(
        string from,
        string to,
        TransportMode mode,
        double km,
        double kmh,
        double usd,
        RailGauges gauge = RailGauges.None,
        IReadOnlyList<string>? via = null,
        bool bidirectional = false) =>
        AddLink(from, to, mode, km, gauge, LinkAvailability.Continuous, kmh, usd, via, bidirectional);

    /// <summary>A link only services use, for a service whose stretch crosses countries between its stops.</summary>
    public TestNetwork Scheduled(string from, string to, TransportMode mode, double km, RailGauges gauge = RailGauges.None, params string[] via) =>
        AddLink(from, to, mode, km, gauge, LinkAvailability.Scheduled, null, null, via, bidirectional: false);

    /// <summary>A two-stop ferry: sails <paramref name="hours"/> after each departure in <paramref name="departs"/>.</summary>
    public TestNetwork Ferry(string id, string from, string to, double km, double hours, double usd, double cutoffHours, params string[] departs) =>
        Service(id, TransportMode.Ferry, usd, cutoffHours, departs, (from, 0, 0), (to, hours, km));

    /// <summary>
    /// A timetabled service calling at <paramref name="stops"/> (terminal, hours after the first departure,
    /// km from the previous stop) on every weekly departure in <paramref name="departs"/> (e.g. "Fri 10:00").
    /// Creates a scheduled link for each stretch that has none of the service's mode.
    /// </summary>
    public TestNetwork Service(string id, TransportMode mode, double usd, double cutoffHours, string[] departs, params (string At, double Hours, double Km)[] stops)
    {
        var gauge = mode == TransportMode.Rail ? RailGauges.Standard1435 : RailGauges.None;
        for (var k = 1; k < stops.Length; k++)
        {
            var from = Locode.Parse(stops[k - 1].At);
            var to = Locode.Parse(stops[k].At);
            var exists = _links.Any(l => l.Mode == mode && ((l.From == from && l.To == to) || (l.Bidirectional && l.From == to && l.To == from)));
            if (!exists)
            {
                AddLink(stops[k - 1].At, stops[k].At, mode, stops[k].Km, gauge, LinkAvailability.Scheduled, null, null, null, bidirectional: false);
            }
        }

        var serviceStops = stops
            .Select((s, k) => new ServiceStop(
                Locode.Parse(s.At),
                k == 0 ? null : s.Hours,
                k == stops.Length - 1 ? null : s.Hours))
            .ToList();
        var departures = departs.Select(d => ParseWeekly(d)).Select(d => new WeeklyDeparture(d.Weekday, d.Time)).ToList();
        _services.Add(new Service(id, id, "test", mode, null, cutoffHours, 100, usd, serviceStops, departures, "test", string.Empty));
        return this;
    }

    public CorridorNetwork Build() => CorridorNetwork.Compile(_terminals, _links, _services, [], Reference);

    public RoutePlanner Planner() => new(Build());

    private TestNetwork AddLink(
        string from,
        string to,
        TransportMode mode,
        double km,
        RailGauges gauge,
        LinkAvailability availability,
        double? kmh,
        double? usd,
        IReadOnlyList<string>? via,
        bool bidirectional)
    {
        _links.Add(new Link(
            $"L{_links.Count + 1}",
            Locode.Parse(from),
            Locode.Parse(to),
            mode,
            km,
            gauge,
            mode.ToString().ToLowerInvariant(),
            "test",
            null,
            availability,
            kmh,
            usd,
            (via ?? []).Select(CountryCode.Parse).ToList(),
            bidirectional,
            "test",
            string.Empty));
        return this;
    }

    private static EmissionFactor Transport(string id, TransportMode mode, Energy energy, double kgPerTeuKm) =>
        new(id, EmissionCategory.Transport, mode, energy, null, kgPerTeuKm, kgPerTeuKm, "test", string.Empty);

    private static (int Weekday, TimeOnly Time) ParseWeekly(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var weekday = Array.IndexOf(Weekdays, parts[0]) + 1;
        if (parts.Length != 2 || weekday == 0)
        {
            throw new FormatException($"'{text}' is not a weekly time such as 'Fri 10:00'.");
        }

        return (weekday, TimeOnly.ParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture));
    }
}
