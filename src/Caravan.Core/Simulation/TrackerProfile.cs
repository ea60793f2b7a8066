namespace Caravan.Core.Simulation;

/// <summary>
/// What is particular about one virtual tracker, drawn once from its seed: whether it sits on a reefer (and at which
/// setpoint, °C), the window of its temperature excursion, the window it falls silent, when its door is opened en
/// route and when it takes a hard shock (each null when it does not happen), and its battery at the start (%).
/// </summary>
public sealed record TrackerProfile(
    bool Reefer,
    double? SetpointC,
    (DateTimeOffset Start, DateTimeOffset End)? Excursion,
    (DateTimeOffset Start, DateTimeOffset End)? Silence,
    DateTimeOffset? DoorOpenedEnRoute,
    DateTimeOffset? HardShock,
    double BatteryAtStart);
