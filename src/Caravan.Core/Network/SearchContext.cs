namespace Caravan.Core.Network;

/// <summary>
/// How a container arrived at a terminal, as far as the next move cares: at the origin, off a service (any
/// next move is a transfer), or on a continuous run of one mode and gauge (continuing on the same costs no
/// handling). Encoded in a byte so search labels stay small.
/// </summary>
internal static class SearchContext
{
    public const byte Origin = 0;
    public const byte NeedsTransfer = 1;

    /// <summary>How many contexts there are: the two above and one per mode and gauge (four gauges a mode).</summary>
    public const int Count = 2 + (4 * 4);

    public static byte Continuous(TransportMode mode, RailGauges gauge)
    {
        var gaugeIndex = gauge switch
        {
            RailGauges.Standard1435 => 1,
            RailGauges.Broad1520 => 2,
            RailGauges.Iberian1668 => 3,
            _ => 0,
        };
        return (byte)(2 + ((int)mode * 4) + gaugeIndex);
    }
}
