namespace Caravan.Cli.Output.Json;

/// <summary>One leg of an itinerary in plan JSON; money in USD, mass in kg CO2e, distance in km, times ISO 8601 UTC.</summary>
public sealed record LegJson(
    PlaceJson From,
    PlaceJson To,
    string Mode,
    int? Gauge,
    ServiceJson? Service,
    string Operator,
    string Departure,
    string Arrival,
    double DistanceKm,
    double CostUsd,
    double FreightCostUsd,
    double HandlingCostUsd,
    double Co2eKg,
    double TransportCo2eKg,
    double HubCo2eKg,
    IReadOnlyList<string> Via,
    IReadOnlyList<string> Countries);
