namespace Caravan.Core.Telemetry;

/// <summary>The state of a container's door as a tracker's contact or light sensor reports it.</summary>
public enum DoorState
{
    Closed,
    Open,
}
