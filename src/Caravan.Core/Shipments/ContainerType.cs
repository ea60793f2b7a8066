namespace Caravan.Core.Shipments;

/// <summary>
/// A container size/type (ISO 6346 size-type code such as 45G1) with the factors the planner applies:
/// price relative to a 40' dry container and emissions relative to the per-TEU factors.
/// </summary>
public sealed record ContainerType(
    string Code,
    string IsoSizeType,
    int Teu,
    double TareKg,
    double MaxGrossKg,
    bool Reefer,
    double CostFactor,
    double Co2eFactor);
