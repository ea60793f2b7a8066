namespace Caravan.Server.Progress;

/// <summary>
/// The latest estimate for a shipment as the worker computed it (UTC): as of which reading, the next terminal where
/// the container changes vehicle (null once arrived) and the destination, each with P50 and P90.
/// </summary>
public sealed record EtaSnapshot(
    DateTimeOffset AsOf,
    string? NextTerminal,
    DateTimeOffset? NextP50,
    DateTimeOffset? NextP90,
    string Destination,
    DateTimeOffset DestinationP50,
    DateTimeOffset DestinationP90,
    bool Arrived);
