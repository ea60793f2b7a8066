namespace Caravan.Cli.Output.Json;

/// <summary>Why the planner found no itinerary.</summary>
public sealed record NoRouteJson(string Reason);
