namespace Caravan.Server.Shipments;

/// <summary>The CIM/SMGS consignment note fields of a new shipment.</summary>
public sealed record ConsignmentBody
{
    /// <summary>The consignor's party id (a shipper or forwarder); it is given the shipper role.</summary>
    public string? Consignor { get; init; }

    /// <summary>The consignee's party id (a consignee or forwarder); it is given the consignee role.</summary>
    public string? Consignee { get; init; }

    /// <summary>UN/LOCODE of the place of taking over.</summary>
    public string? PlaceOfTakingOver { get; init; }

    /// <summary>UN/LOCODE of the place of delivery.</summary>
    public string? PlaceOfDelivery { get; init; }

    public string? GoodsDescription { get; init; }

    /// <summary>HS code, 6, 8 or 10 digits (8471.30 or 847130).</summary>
    public string? HsCode { get; init; }

    public int? NumberOfPackages { get; init; }

    public double? GrossMassKg { get; init; }
}
