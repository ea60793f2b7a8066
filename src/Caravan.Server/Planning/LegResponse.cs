namespace Caravan.Server.Planning;

/// <summary>One leg of an itinerary: places by UN/LOCODE, mode, service id (null on continuous links), times UTC, km, USD, kg CO2e.</summary>
public sealed record LegResponse(
    string From,
    string To,
    string Mode,
    string? Service,
    string Operator,
    DateTimeOffset Departure,
    DateTimeOffset Arrival,
    double DistanceKm,
    double CostUsd,
    double Co2eKg);
