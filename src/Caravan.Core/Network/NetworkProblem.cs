namespace Caravan.Core.Network;

/// <summary>One thing wrong with the network data, located by file, 1-based line and column, and field.</summary>
public sealed record NetworkProblem(string File, int Line, int Column, string? Field, string Message)
{
    public override string ToString() =>
        Field is null
            ? $"{File}:{Line}:{Column}: {Message}"
            : $"{File}:{Line}:{Column}: {Field}: {Message}";
}
