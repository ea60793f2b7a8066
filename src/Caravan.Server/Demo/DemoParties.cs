using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Shipments;

namespace Caravan.Server.Demo;

/// <summary>
/// The demo's cast: an invented Xi'an forwarder, the carriers of the Middle Corridor (KTZ Express, the Caspian ferry
/// line ASCO, ADY Express, Georgian Railway), Kazakhstan's customs and an invented Duisburg consignee; and which of
/// them carries a leg, read from the leg's operator as the network data names it.
/// </summary>
/// <remarks>
/// The customs authority is Kazakhstan's State Revenue Committee at Dostyk and Altynkol (Khorgos): every
/// China–Europe rail route enters the Eurasian Economic Union's customs territory there, so every demo shipment
/// meets it, and it is where the SMGS note serving as transit declaration is checked and containers are held.
/// Azerbaijan's customs at Alat would see only the containers already across the Caspian.
/// </remarks>
public static class DemoParties
{
    public static readonly PartyId Forwarder = PartyId.Parse("demo-forwarder");
    public static readonly PartyId Ktz = PartyId.Parse("ktz");
    public static readonly PartyId Asco = PartyId.Parse("asco");
    public static readonly PartyId Ady = PartyId.Parse("ady");
    public static readonly PartyId GeorgianRailway = PartyId.Parse("gr");
    public static readonly PartyId Customs = PartyId.Parse("customs-kz");
    public static readonly PartyId Consignee = PartyId.Parse("demo-consignee");

    /// <summary>Every demo party, the forwarder first.</summary>
    public static IReadOnlyList<Party> All { get; } =
    [
        new(Forwarder, "Chang'an Silk Gate Logistics (demo company), Xi'an", CountryCode.Parse("CN"), PartyKind.Forwarder),
        new(Ktz, "KTZ Express (Kazakhstan Temir Zholy)", CountryCode.Parse("KZ"), PartyKind.Carrier),
        new(Asco, "ASCO – Azerbaijan Caspian Shipping Company (Caspian ferries)", CountryCode.Parse("AZ"), PartyKind.Carrier),
        new(Ady, "ADY Express (Azerbaijan Railways)", CountryCode.Parse("AZ"), PartyKind.Carrier),
        new(GeorgianRailway, "Georgian Railway", CountryCode.Parse("GE"), PartyKind.Carrier),
        new(Customs, "State Revenue Committee of Kazakhstan – customs posts Dostyk and Altynkol (Khorgos)", CountryCode.Parse("KZ"), PartyKind.CustomsAuthority),
        new(Consignee, "Rheinkai Handelshaus GmbH (demo company), Duisburg", CountryCode.Parse("DE"), PartyKind.Consignee),
    ];

    /// <summary>
    /// The demo carrier that departs a leg: its first operator when that is a demo carrier, else the one that stands
    /// in (see <see cref="StandIn"/>); null when no demo party runs it (China Railway, TCDD, the European railways).
    /// </summary>
    public static PartyId? DepartingCarrier(ShipmentLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return CarrierNamed(Operators(leg.Operator)[0]) ?? StandIn(leg, leg.From);
    }

    /// <summary>The demo carrier that arrives with a leg: its last operator, else the stand-in at the arrival; or null.</summary>
    public static PartyId? ArrivingCarrier(ShipmentLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return CarrierNamed(Operators(leg.Operator)[^1]) ?? StandIn(leg, leg.To);
    }

    /// <summary>
    /// Who acts for an operator that is not a demo party: on a ferry, ASCO when it is one of the line's operators
    /// ("Kazmortransflot / ASCO"); on rail, the national railway of the station, because the receiving railway
    /// records a train handed over at its border station (a China Railway train arriving at Dostyk is KTZ's to report).
    /// </summary>
    private static PartyId? StandIn(ShipmentLeg leg, Locode station) => leg.Mode switch
    {
        TransportMode.Ferry => Operators(leg.Operator).Any(o => CarrierNamed(o) == Asco) ? Asco : null,
        TransportMode.Rail => station.Country.Value switch
        {
            "KZ" => Ktz,
            "AZ" => Ady,
            "GE" => GeorgianRailway,
            _ => null,
        },
        _ => null,
    };

    // A leg's operators (OperatorNames). Shipments booked before 2026-12-03 also joined a run's links with commas
    // ("ADY, ADY / GR, Georgian Railway"): those are read too.
    private static string[] Operators(string text) =>
        OperatorNames.Split(text).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray()
            is { Length: > 0 } names ? names : [text];

    private static PartyId? CarrierNamed(string name) => name switch
    {
        "KTZ" or "KTZ Express" => Ktz,
        "ASCO" => Asco,
        "ADY" or "ADY Express" => Ady,
        "GR" or "Georgian Railway" => GeorgianRailway,

        // The Georgian section of Baku–Tbilisi–Kars (Marabda–Kartsakhi): Georgian Railway stands in for it in the demo.
        "Marabda-Kartsakhi Railway" => GeorgianRailway,
        _ => null,
    };
}
