namespace Caravan.Storage;

/// <summary>A shipment's unresolved alerts: how many are still open and how many a party has acknowledged.</summary>
public sealed record UnresolvedAlertCounts(int Open, int Acknowledged);
