namespace Caravan.Core.Network;

/// <summary>Whether a link can be used at any time or only on the departures of a service.</summary>
public enum LinkAvailability
{
    /// <summary>Always open: travel time from distance and speed, price per container.</summary>
    Continuous,

    /// <summary>Usable only by the timetabled services that run over it.</summary>
    Scheduled,
}
