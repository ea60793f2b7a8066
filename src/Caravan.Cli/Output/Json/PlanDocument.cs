namespace Caravan.Cli.Output.Json;

/// <summary>What <c>caravan plan --format json</c> prints (schema in docs/cli.md).</summary>
public sealed record PlanDocument(PlanRequestJson Request, IReadOnlyList<ItineraryJson> Itineraries, IReadOnlyList<AlternativeJson> Alternatives, NoRouteJson? NoRoute);
