namespace Caravan.Cli.Output.Json;

/// <summary>The timetabled service a leg rides (services.csv id and name).</summary>
public sealed record ServiceJson(string Id, string Name);
