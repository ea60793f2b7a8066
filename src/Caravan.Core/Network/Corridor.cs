namespace Caravan.Core.Network;

/// <summary>A named corridor (Middle Corridor, Northern route, …) that links and services belong to.</summary>
public sealed record Corridor(string Id, string Name, string Description);
