using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Shipments;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>
/// The reference tables a synthetic network is built against: the countries of its regions, one emission
/// factor per mode and energy plus a hub factor, the usual container types and a few corridor names. All
/// figures are estimates (source tag <c>E</c>); they give the planner realistic trade-offs, not audited values.
/// </summary>
internal static class SyntheticReference
{
    public const string Estimate = "E";

    public const string RailElectric = "SYN_RAIL_EL";
    public const string RailDiesel = "SYN_RAIL_DI";
    public const string RoadDiesel = "SYN_ROAD_DI";
    public const string FerryFuel = "SYN_FERRY_MDO";
    public const string SeaFuel = "SYN_SEA_HFO";

    public static IReadOnlyList<string> CorridorIds { get; } = ["SYN_TRUNK", "SYN_REGIONAL", "SYN_FERRY", "SYN_SEA"];

    private static readonly HashSet<string> ScoMembers = ["CN", "RU", "KZ", "KG", "TJ", "UZ", "IR", "BY"];
    private static readonly HashSet<string> ScoPartners = ["AZ", "AM", "TR", "MN"];

    public static List<Country> Countries(IEnumerable<SyntheticRegion> regions) =>
        regions
            .GroupBy(r => r.Country, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Country(
                CountryCode.Parse(g.Key),
                g.First().Name,
                ScoMembers.Contains(g.Key) ? ScoStatus.Member : ScoPartners.Contains(g.Key) ? ScoStatus.Partner : ScoStatus.None))
            .ToList();

    public static List<EmissionFactor> EmissionFactors() =>
    [
        Transport(RailElectric, TransportMode.Rail, Energy.Electric, 0.16, 0.0),
        Transport(RailDiesel, TransportMode.Rail, Energy.Diesel, 0.29, 0.24),
        Transport(RoadDiesel, TransportMode.Road, Energy.Diesel, 0.78, 0.64),
        Transport(FerryFuel, TransportMode.Ferry, Energy.MarineDieselOil, 0.46, 0.38),
        Transport(SeaFuel, TransportMode.Sea, Energy.HeavyFuelOil, 0.065, 0.055),
        new EmissionFactor("SYN_HUB_PORT", EmissionCategory.Hub, null, null, TerminalKind.Seaport, 18, 15, "factor=E", "synthetic"),
        new EmissionFactor("SYN_HUB_ANY", EmissionCategory.Hub, null, null, null, 9, 7, "factor=E", "synthetic"),
    ];

    public static List<ContainerType> ContainerTypes() =>
    [
        new("20GP", "22G1", 1, 2_200, 30_480, false, 0.6, 1.0),
        new("40GP", "42G1", 2, 3_750, 30_480, false, 1.0, 1.0),
        new("40HC", "45G1", 2, 3_900, 30_480, false, 1.0, 1.0),
        new("40RF", "45R1", 2, 4_800, 34_000, true, 1.6, 1.25),
    ];

    public static List<Corridor> Corridors() =>
    [
        new("SYN_TRUNK", "Synthetic trunk", "Long block trains across the continent"),
        new("SYN_REGIONAL", "Synthetic regional", "Regional rail shuttles"),
        new("SYN_FERRY", "Synthetic ferry", "Short-sea and lake ferries"),
        new("SYN_SEA", "Synthetic sea", "Coastal and deep-sea container lines"),
    ];

    private static EmissionFactor Transport(string id, TransportMode mode, Energy energy, double wtw, double ttw) =>
        new(id, EmissionCategory.Transport, mode, energy, null, wtw, ttw, "factor=E", "synthetic");
}
