namespace Caravan.Core.Network;

/// <summary>
/// An ISO 14083 / GLEC emission intensity. Transport factors are kg CO2e per TEU-km for a mode and energy;
/// hub factors are kg CO2e per TEU per transshipment at a terminal kind (<see cref="HubKind"/> null = any).
/// Well-to-wheel is what Caravan reports; tank-to-wheel is kept for disclosure.
/// </summary>
public sealed record EmissionFactor(
    string Id,
    EmissionCategory Category,
    TransportMode? Mode,
    Energy? Energy,
    TerminalKind? HubKind,
    double WellToWheelKgCo2e,
    double TankToWheelKgCo2e,
    string Sources,
    string Notes);
