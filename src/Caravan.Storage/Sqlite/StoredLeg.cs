namespace Caravan.Storage.Sqlite;

/// <summary>The stored JSON form of a <see cref="Core.Shipments.ShipmentLeg"/>.</summary>
internal sealed record StoredLeg(
    string From,
    string To,
    string Mode,
    string? ServiceId,
    string Operator,
    DateTimeOffset Departure,
    DateTimeOffset Arrival,
    double DistanceKm,
    double CostUsd,
    double Co2eKg);
