using Caravan.Core.Geography;

namespace Caravan.Core.Network;

/// <summary>
/// A place where containers are handled: rail terminal, port, border crossing, dry port, hub or junction.
/// Handling is charged when a container changes vehicle here; dwell is the extra wait (border, queue) of a
/// container passing through or transferring, as a median and 90th percentile.
/// </summary>
public sealed record Terminal(
    Locode Locode,
    string Name,
    CountryCode Country,
    GeoPoint Position,
    TerminalKind Kind,
    RailGauges Gauges,
    double HandlingHours,
    double HandlingUsd,
    double DwellP50Hours,
    double DwellP90Hours,
    LocodeStatus LocodeStatus,
    string Sources,
    string Notes)
{
    /// <summary>True where two rail gauges meet, so rail traffic changes gauge here.</summary>
    public bool IsGaugeBreak => Gauges is not RailGauges.None && (Gauges & (Gauges - 1)) != 0;
}
