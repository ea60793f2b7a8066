namespace Caravan.Cli.Output;

/// <summary>A corridor with the number of links and services assigned to it.</summary>
public sealed record CorridorCounts(string Id, string Name, int Links, int Services);
