namespace Caravan.Core.Telemetry;

/// <summary>What sort of device reports telemetry: a GPS tracker on a container, a reefer's controller, or a phone app.</summary>
public enum DeviceKind
{
    GpsTracker,
    ReeferController,
    Phone,
}
