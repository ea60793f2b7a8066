namespace Caravan.Core.Alerts;

/// <summary>
/// What went wrong with a shipment. The first five are judged from telemetry by the rules in this namespace; dwell
/// and ETA slipping are raised by the progress engine, which knows the dwell distributions and the estimates.
/// </summary>
public enum AlertKind
{
    /// <summary>A reefer's temperature outside the shipment's booked range.</summary>
    TemperatureExcursion,

    /// <summary>A peak acceleration above the shock threshold.</summary>
    Shock,

    /// <summary>The container door open away from every terminal of the itinerary.</summary>
    DoorOpenedEnRoute,

    /// <summary>The container farther from the itinerary's path than its legs allow.</summary>
    RouteDeviation,

    /// <summary>No fix from the device for longer than its silence timeout.</summary>
    DeviceSilent,

    /// <summary>A stay at a terminal or border longer than its P90 dwell.</summary>
    DwellBeyondP90,

    /// <summary>The estimated arrival later than the promised date.</summary>
    EtaSlipping,
}
