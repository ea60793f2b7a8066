namespace Caravan.Core.Network;

/// <summary>Conversions between gauge widths in millimetres and <see cref="RailGauges"/>.</summary>
public static class RailGauge
{
    public static bool TryFromMillimetres(int millimetres, out RailGauges gauge)
    {
        gauge = millimetres switch
        {
            1435 => RailGauges.Standard1435,
            1520 => RailGauges.Broad1520,
            1668 => RailGauges.Iberian1668,
            _ => RailGauges.None,
        };
        return gauge != RailGauges.None;
    }

    /// <summary>The width in millimetres of a single gauge, or 0 for <see cref="RailGauges.None"/>.</summary>
    public static int ToMillimetres(RailGauges gauge) => gauge switch
    {
        RailGauges.Standard1435 => 1435,
        RailGauges.Broad1520 => 1520,
        RailGauges.Iberian1668 => 1668,
        _ => 0,
    };

    /// <summary>Every single gauge in a set, in ascending width.</summary>
    public static IEnumerable<int> Millimetres(RailGauges gauges)
    {
        foreach (var g in new[] { RailGauges.Standard1435, RailGauges.Broad1520, RailGauges.Iberian1668 })
        {
            if (gauges.HasFlag(g))
            {
                yield return ToMillimetres(g);
            }
        }
    }
}
