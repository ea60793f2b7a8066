using Caravan.Core.Geography;
using Caravan.Core.Shipments;

namespace Caravan.Server.Demo;

/// <summary>
/// One demo shipment before it is planned: the stage it should stand at, where it goes, what it carries (the CIM/SMGS
/// note's goods fields) and a first guess of how long before "now" it left.
/// </summary>
internal sealed record DemoScript(
    DemoStage Stage,
    Locode From,
    Locode To,
    string GoodsDescription,
    HsCode HsCode,
    int NumberOfPackages,
    double GrossMassKg,
    bool ToDemoConsignee,
    TimeSpan DepartedAgo)
{
    /// <summary>The demo's shipments, one per stage, all on the Middle Corridor across the Caspian.</summary>
    public static IReadOnlyList<DemoScript> All { get; } =
    [
        new(DemoStage.Delivered, Locode.Parse("CNXIY"), Locode.Parse("DEDUI"),
            "Laptop computers, boxed, on 20 pallets", HsCode.Parse("8471.30"), 1200, 9_840, true, TimeSpan.FromDays(32)),
        new(DemoStage.WaitingForFerry, Locode.Parse("CNCKG"), Locode.Parse("DEDUI"),
            "Automotive gearboxes and parts on 18 pallets", HsCode.Parse("8708.40"), 18, 17_250, true, TimeSpan.FromDays(12)),
        new(DemoStage.HeldByCustoms, Locode.Parse("CNYIW"), Locode.Parse("PLLOD"),
            "Christmas decorations of plastics and glass, in cartons", HsCode.Parse("9505.10"), 1450, 6_320, false, TimeSpan.FromDays(7)),
        new(DemoStage.InTransitBakuTbilisiKars, Locode.Parse("CNCTU"), Locode.Parse("DEDUI"),
            "LCD monitors, boxed", HsCode.Parse("8528.52"), 960, 8_150, true, TimeSpan.FromDays(16)),
        new(DemoStage.InTransitKazakhstan, Locode.Parse("CNURC"), Locode.Parse("TRIST"),
            "Tomato paste in aseptic bags in steel drums", HsCode.Parse("2002.90"), 80, 19_600, false, TimeSpan.FromDays(4)),
        new(DemoStage.Booked, Locode.Parse("CNXIY"), Locode.Parse("HUBUD"),
            "Solar inverters, boxed, on 22 pallets", HsCode.Parse("8504.40"), 22, 7_480, false, TimeSpan.FromDays(-2)),
    ];
}
