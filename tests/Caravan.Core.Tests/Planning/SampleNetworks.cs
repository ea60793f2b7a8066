using Caravan.Core.Network;

namespace Caravan.Core.Tests.Planning;

/// <summary>The tiny networks several planner tests share, each drawn in its comment with the figures that matter.</summary>
internal static class SampleNetworks
{
    /// <summary>
    ///   KZAKT ==ferry ADY: 400 km, 20 h, $1200 per FEU, cut-off 6 h, sails Fri 10:00==> AZALA
    /// </summary>
    public static TestNetwork Caspian() => new TestNetwork()
        .Terminal("KZAKT", kind: TerminalKind.FerryPort)
        .Terminal("AZALA", kind: TerminalKind.FerryPort)
        .Ferry("ADY", "KZAKT", "AZALA", km: 400, hours: 20, usd: 1200, cutoffHours: 6, "Fri 10:00");

    /// <summary>
    ///   KZBEY ──rail 1520, 500 km @ 50 km/h (10 h), $400──> KZAKT [handling 2 h $150, dwell 2 h (P90 as given)]
    ///   KZAKT ==ferry ADY: 400 km, 20 h, $1200, cut-off 4 h, sails Fri 10:00==> AZALA
    /// </summary>
    public static TestNetwork BeyneuToAlat(double aktauDwellP90Hours = 2) => new TestNetwork()
        .Terminal("KZBEY", gauges: RailGauges.Broad1520)
        .Terminal("KZAKT", handlingHours: 2, handlingUsd: 150, dwellHours: 2, dwellP90Hours: aktauDwellP90Hours, gauges: RailGauges.Broad1520, kind: TerminalKind.FerryPort)
        .Terminal("AZALA", kind: TerminalKind.FerryPort)
        .Rail("KZBEY", "KZAKT", km: 500, kmh: 50, usd: 400, RailGauges.Broad1520)
        .Ferry("ADY", "KZAKT", "AZALA", km: 400, hours: 20, usd: 1200, cutoffHours: 4, "Fri 10:00");

    /// <summary>
    ///   CNXIY ──rail 1435, 2500 km @ 50 km/h (50 h), $1500──> KZKHG [1435|1520, handling 6 h $250, dwell 12 h]
    ///   KZKHG ──rail 1520, 300 km @ 50 km/h (6 h), $300──> KZALA
    /// </summary>
    public static TestNetwork GaugeBreak() => new TestNetwork()
        .Terminal("CNXIY", handlingHours: 3, handlingUsd: 100)
        .Terminal("KZKHG", handlingHours: 6, handlingUsd: 250, dwellHours: 12, gauges: RailGauges.Standard1435 | RailGauges.Broad1520, kind: TerminalKind.BorderCrossing)
        .Terminal("KZALA", handlingHours: 3, handlingUsd: 100, gauges: RailGauges.Broad1520)
        .Rail("CNXIY", "KZKHG", km: 2500, kmh: 50, usd: 1500)
        .Rail("KZKHG", "KZALA", km: 300, kmh: 50, usd: 300, RailGauges.Broad1520);

    /// <summary>
    ///   KZDOS ──rail 1520, 4000 km @ 50 km/h (80 h), $2500, crossing RU and BY──> PLMAL
    ///   KZDOS ──road 3000 km @ 60 km/h (50 h), $3000──> GETBS [dwell 2 h] ──road 3000 km @ 60 km/h (50 h), $3000──> PLMAL
    /// </summary>
    public static TestNetwork NorthAcrossRussiaOrSouthByRoad() => new TestNetwork()
        .Terminal("KZDOS", gauges: RailGauges.Broad1520)
        .Terminal("GETBS", dwellHours: 2, gauges: RailGauges.Broad1520)
        .Terminal("PLMAL", gauges: RailGauges.Standard1435 | RailGauges.Broad1520)
        .Rail("KZDOS", "PLMAL", km: 4000, kmh: 50, usd: 2500, RailGauges.Broad1520, "RU", "BY")
        .Road("KZDOS", "GETBS", km: 3000, kmh: 60, usd: 3000)
        .Road("GETBS", "PLMAL", km: 3000, kmh: 60, usd: 3000);
}
