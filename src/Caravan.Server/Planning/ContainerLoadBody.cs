namespace Caravan.Server.Planning;

/// <summary>A number of containers of one type in a plan request, e.g. <c>{"type": "40HC", "count": 2}</c>.</summary>
public sealed record ContainerLoadBody
{
    /// <summary>A container type code from data/reference/container-types.csv (20GP, 40HC, 40RF, ...).</summary>
    public string? Type { get; init; }

    /// <summary>How many, 1 to 10 000 (default 1).</summary>
    public int? Count { get; init; }
}
