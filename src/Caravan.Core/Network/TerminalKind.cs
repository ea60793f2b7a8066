namespace Caravan.Core.Network;

/// <summary>What a terminal is; drives geofence radii, hub emission factors and map symbols.</summary>
public enum TerminalKind
{
    RailTerminal,
    Seaport,
    FerryPort,
    BorderCrossing,
    DryPort,
    InlandHub,
    Junction,
}
