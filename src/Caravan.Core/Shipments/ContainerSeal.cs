namespace Caravan.Core.Shipments;

/// <summary>A seal on a container door: its number as printed (1–15 characters, as DCSA <c>sealNumber</c>) and who applied it.</summary>
public sealed record ContainerSeal
{
    /// <summary>The longest seal number accepted (DCSA <c>sealNumber</c>).</summary>
    public const int MaxNumberLength = 15;

    public ContainerSeal(string number, SealSource source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number.Length, MaxNumberLength, nameof(number));
        Number = number;
        Source = source;
    }

    public string Number { get; }

    public SealSource Source { get; }
}
