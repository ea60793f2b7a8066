using System.Globalization;

namespace Caravan.Core.Shipments;

/// <summary>
/// The temperature a reefer shipment must be carried at, in °C, inclusive: booked with the shipment and judged by
/// the temperature alert. Both bounds within the readings' physical range (−80 … 100 °C), the minimum below the maximum.
/// </summary>
public sealed record TemperatureRange
{
    /// <summary>The coldest bound accepted, as for readings.</summary>
    public const double LowestC = -80;

    /// <summary>The warmest bound accepted, as for readings.</summary>
    public const double HighestC = 100;

    public TemperatureRange(double minC, double maxC)
    {
        if (!TryValidate(minC, maxC, out var problem))
        {
            throw new ArgumentOutOfRangeException(nameof(minC), problem);
        }

        MinC = minC;
        MaxC = maxC;
    }

    /// <summary>The lowest acceptable temperature, °C.</summary>
    public double MinC { get; }

    /// <summary>The highest acceptable temperature, °C.</summary>
    public double MaxC { get; }

    /// <summary>Whether (<paramref name="minC"/>, <paramref name="maxC"/>) is a range; otherwise why not.</summary>
    public static bool TryValidate(double minC, double maxC, out string? problem)
    {
        problem = !double.IsFinite(minC) || !double.IsFinite(maxC) || minC < LowestC || maxC > HighestC
            ? string.Create(CultureInfo.InvariantCulture, $"Both bounds must be numbers of °C within [{LowestC}, {HighestC}].")
            : minC >= maxC ? "The minimum must be below the maximum."
            : null;
        return problem is null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MinC:0.0#} – {MaxC:0.0#} °C");
}
