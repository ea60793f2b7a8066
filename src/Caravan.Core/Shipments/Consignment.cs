using Caravan.Core.Geography;

namespace Caravan.Core.Shipments;

/// <summary>
/// The goods and their journey as the CIM/SMGS consignment note states them: consignor and consignee (parties on
/// the platform), the place of taking over and the place of delivery (UN/LOCODEs), a description of the goods with
/// their HS code, the number of packages and the gross mass in kilograms.
/// </summary>
public sealed record Consignment
{
    /// <summary>The longest goods description accepted.</summary>
    public const int MaxDescriptionLength = 512;

    public required PartyId Consignor { get; init; }

    public required PartyId Consignee { get; init; }

    /// <summary>Where the carrier takes the goods over (CIM "acceptance point").</summary>
    public required Locode PlaceOfTakingOver { get; init; }

    /// <summary>Where the goods are delivered (CIM "delivery point").</summary>
    public required Locode PlaceOfDelivery { get; init; }

    /// <summary>The nature of the goods in words, 1–512 characters.</summary>
    public required string GoodsDescription { get; init; }

    public required HsCode HsCode { get; init; }

    /// <summary>Number of packages, at least 1.</summary>
    public required int NumberOfPackages { get; init; }

    /// <summary>Gross mass of the goods with packing, in kilograms, greater than 0.</summary>
    public required double GrossMassKg { get; init; }
}
