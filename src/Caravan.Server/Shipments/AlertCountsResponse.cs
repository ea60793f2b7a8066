namespace Caravan.Server.Shipments;

/// <summary>A shipment's unresolved alerts as its list and page show them: how many are open, how many acknowledged but not yet resolved.</summary>
public sealed record AlertCountsResponse(int Open, int Acknowledged);
