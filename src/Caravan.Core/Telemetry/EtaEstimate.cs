namespace Caravan.Core.Telemetry;

/// <summary>
/// Where a container is expected next and when it is expected at its destination, as of <see cref="AsOf"/>.
/// <see cref="Next"/> is the end of the leg under way (the next terminal where the container changes vehicle); null
/// once it has arrived at its destination, when the destination's P50 and P90 are the arrival observed.
/// </summary>
public sealed record EtaEstimate(DateTimeOffset AsOf, StopEta? Next, StopEta Destination)
{
    /// <summary>True once the container has been observed at its destination.</summary>
    public bool Arrived => Next is null;
}
