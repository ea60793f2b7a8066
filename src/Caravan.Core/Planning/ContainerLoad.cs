using Caravan.Core.Shipments;

namespace Caravan.Core.Planning;

/// <summary>A number of containers of one type travelling together, e.g. 2 × 40HC.</summary>
public sealed record ContainerLoad
{
    public ContainerLoad(ContainerType type, int count)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Type = type;
        Count = count;
    }

    public ContainerType Type { get; }

    public int Count { get; }

    public override string ToString() => $"{Count}x{Type.Code}";
}
