namespace Caravan.Core.Simulation;

/// <summary>What a container does during one step of its simulated journey.</summary>
public enum JourneyStepKind
{
    /// <summary>Moving between two points on a vehicle.</summary>
    Moving,

    /// <summary>Standing at the origin before departure.</summary>
    Origin,

    /// <summary>Standing at a terminal to change vehicle, service or mode.</summary>
    Transfer,

    /// <summary>Standing where two rail gauges meet (bogie exchange or transshipment).</summary>
    GaugeChange,

    /// <summary>Standing at a border crossing (customs, handover between railways).</summary>
    Border,

    /// <summary>Waiting at a Caspian port for the ferry.</summary>
    FerryWait,

    /// <summary>A timetabled or operational stop at a terminal on the way.</summary>
    Stop,

    /// <summary>Arrived at the destination.</summary>
    Delivered,
}
