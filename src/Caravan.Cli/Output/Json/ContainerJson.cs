namespace Caravan.Cli.Output.Json;

/// <summary>A number of containers of one type in a plan request, with the TEU of one container.</summary>
public sealed record ContainerJson(string Type, int Count, int Teu);
