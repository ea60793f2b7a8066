namespace Caravan.Core.Network;

/// <summary>Track gauges present at a terminal or used by a rail link.</summary>
[Flags]
public enum RailGauges : byte
{
    None = 0,

    /// <summary>1435 mm: China, Türkiye, Iran, most of the EU.</summary>
    Standard1435 = 1,

    /// <summary>1520 mm: Kazakhstan, Central Asia, the Caucasus, Russia, Belarus, Mongolia.</summary>
    Broad1520 = 2,

    /// <summary>1668 mm: Spain and Portugal.</summary>
    Iberian1668 = 4,
}
