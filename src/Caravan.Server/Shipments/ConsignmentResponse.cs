namespace Caravan.Server.Shipments;

/// <summary>The consignment note fields of a shipment; places are UN/LOCODEs, mass in kg.</summary>
public sealed record ConsignmentResponse(
    string Consignor,
    string Consignee,
    string PlaceOfTakingOver,
    string PlaceOfDelivery,
    string GoodsDescription,
    string HsCode,
    int NumberOfPackages,
    double GrossMassKg);
