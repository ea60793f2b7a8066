namespace Caravan.Core.Telemetry;

/// <summary>What a container did at a stop of its route.</summary>
public enum ProgressObservationKind
{
    Arrival,
    Departure,
}
