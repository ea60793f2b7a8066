namespace Caravan.Core.Network;

/// <summary>The outcome of loading a network: the compiled network, or every problem found and no network.</summary>
public sealed record NetworkLoadResult(CorridorNetwork? Network, IReadOnlyList<NetworkProblem> Problems)
{
    public bool Succeeded => Network is not null;
}
