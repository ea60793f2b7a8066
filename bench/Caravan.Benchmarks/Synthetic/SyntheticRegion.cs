using Caravan.Core.Network;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>
/// A cluster of synthetic terminals: a real country (or a part of a large one) with its approximate centre,
/// spread in degrees, share of the continent's terminals and rail gauge, so generated traffic meets the
/// same gauge breaks as the real corridor.
/// </summary>
internal sealed record SyntheticRegion(
    string Country,
    string Name,
    double Latitude,
    double Longitude,
    double SpreadLatitude,
    double SpreadLongitude,
    double Weight,
    RailGauges Gauge,
    bool Electrified)
{
    /// <summary>Eurasia from Lisbon to the Pacific, weighted roughly by freight activity.</summary>
    public static IReadOnlyList<SyntheticRegion> Eurasia { get; } =
    [
        new("CN", "China", 34.3, 108.9, 2.0, 3.0, 5, RailGauges.Standard1435, true),
        new("CN", "China", 30.6, 104.1, 1.8, 2.0, 4, RailGauges.Standard1435, true),
        new("CN", "China", 31.2, 120.5, 1.5, 1.5, 6, RailGauges.Standard1435, true),
        new("CN", "China", 39.5, 116.4, 1.8, 2.0, 6, RailGauges.Standard1435, true),
        new("CN", "China", 26.5, 113.3, 1.0, 2.5, 4, RailGauges.Standard1435, true),
        new("CN", "China", 43.8, 87.6, 1.5, 3.5, 2, RailGauges.Standard1435, true),
        new("CN", "China", 45.5, 126.6, 1.8, 2.0, 2, RailGauges.Standard1435, true),
        new("MN", "Mongolia", 47.0, 104.0, 1.5, 4.0, 0.8, RailGauges.Broad1520, false),
        new("KZ", "Kazakhstan", 50.5, 72.0, 2.0, 5.0, 3, RailGauges.Broad1520, false),
        new("KZ", "Kazakhstan", 44.0, 62.0, 1.5, 5.0, 2, RailGauges.Broad1520, false),
        new("UZ", "Uzbekistan", 40.8, 65.5, 1.0, 3.0, 1.5, RailGauges.Broad1520, false),
        new("TM", "Turkmenistan", 38.8, 58.5, 1.0, 2.5, 0.8, RailGauges.Broad1520, false),
        new("KG", "Kyrgyzstan", 42.0, 74.5, 0.7, 1.5, 0.5, RailGauges.Broad1520, false),
        new("TJ", "Tajikistan", 38.7, 69.5, 0.6, 1.2, 0.4, RailGauges.Broad1520, false),
        new("RU", "Russia", 55.7, 38.5, 2.5, 4.0, 6, RailGauges.Broad1520, true),
        new("RU", "Russia", 56.5, 55.0, 2.0, 5.0, 3, RailGauges.Broad1520, true),
        new("RU", "Russia", 55.0, 80.0, 1.5, 8.0, 2.5, RailGauges.Broad1520, true),
        new("RU", "Russia", 51.5, 112.0, 1.5, 8.0, 1.5, RailGauges.Broad1520, true),
        new("RU", "Russia", 46.5, 40.0, 1.5, 3.0, 1.5, RailGauges.Broad1520, true),
        new("BY", "Belarus", 53.7, 28.0, 0.9, 2.0, 1.2, RailGauges.Broad1520, true),
        new("UA", "Ukraine", 49.0, 32.0, 1.3, 4.0, 2, RailGauges.Broad1520, true),
        new("MD", "Moldova", 47.1, 28.6, 0.4, 0.5, 0.2, RailGauges.Broad1520, false),
        new("LT", "Lithuania", 55.3, 23.9, 0.5, 1.2, 0.4, RailGauges.Broad1520, false),
        new("LV", "Latvia", 56.9, 24.6, 0.4, 1.2, 0.3, RailGauges.Broad1520, false),
        new("EE", "Estonia", 58.7, 25.5, 0.4, 1.0, 0.2, RailGauges.Broad1520, false),
        new("FI", "Finland", 62.0, 25.5, 1.5, 2.0, 0.6, RailGauges.Broad1520, true),
        new("GE", "Georgia", 42.0, 43.5, 0.4, 1.5, 0.4, RailGauges.Broad1520, true),
        new("AZ", "Azerbaijan", 40.4, 48.0, 0.5, 1.3, 0.5, RailGauges.Broad1520, true),
        new("AM", "Armenia", 40.2, 44.8, 0.3, 0.5, 0.2, RailGauges.Broad1520, true),
        new("IR", "Iran", 33.5, 53.0, 2.5, 4.0, 2, RailGauges.Standard1435, false),
        new("TR", "Türkiye", 39.2, 33.5, 1.2, 5.0, 3, RailGauges.Standard1435, false),
        new("PL", "Poland", 52.0, 19.3, 1.2, 2.0, 2.5, RailGauges.Standard1435, true),
        new("DE", "Germany", 51.0, 10.0, 1.5, 2.0, 5, RailGauges.Standard1435, true),
        new("NL", "Netherlands", 52.1, 5.3, 0.4, 0.6, 1.2, RailGauges.Standard1435, true),
        new("BE", "Belgium", 50.7, 4.5, 0.3, 0.7, 0.8, RailGauges.Standard1435, true),
        new("FR", "France", 46.7, 2.5, 2.0, 2.5, 3, RailGauges.Standard1435, true),
        new("IT", "Italy", 43.5, 12.0, 2.0, 2.0, 2.5, RailGauges.Standard1435, true),
        new("CH", "Switzerland", 46.8, 8.2, 0.3, 0.8, 0.5, RailGauges.Standard1435, true),
        new("AT", "Austria", 47.6, 14.0, 0.4, 1.5, 0.8, RailGauges.Standard1435, true),
        new("CZ", "Czechia", 49.8, 15.5, 0.5, 1.3, 0.9, RailGauges.Standard1435, true),
        new("SK", "Slovakia", 48.7, 19.5, 0.3, 1.2, 0.5, RailGauges.Standard1435, true),
        new("HU", "Hungary", 47.2, 19.5, 0.5, 1.3, 0.8, RailGauges.Standard1435, true),
        new("RO", "Romania", 45.9, 25.0, 0.8, 2.0, 1.2, RailGauges.Standard1435, true),
        new("BG", "Bulgaria", 42.7, 25.3, 0.5, 1.5, 0.7, RailGauges.Standard1435, true),
        new("RS", "Serbia", 44.0, 20.9, 0.7, 0.8, 0.5, RailGauges.Standard1435, true),
        new("GR", "Greece", 39.5, 22.0, 1.0, 1.3, 0.5, RailGauges.Standard1435, false),
        new("DK", "Denmark", 55.9, 9.8, 0.5, 0.8, 0.4, RailGauges.Standard1435, true),
        new("SE", "Sweden", 59.5, 15.5, 2.0, 1.5, 0.9, RailGauges.Standard1435, true),
        new("ES", "Spain", 40.2, -3.7, 1.3, 2.5, 2, RailGauges.Iberian1668, true),
        new("PT", "Portugal", 39.7, -8.3, 1.0, 0.4, 0.6, RailGauges.Iberian1668, true),
    ];
}
