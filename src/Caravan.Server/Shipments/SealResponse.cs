namespace Caravan.Server.Shipments;

/// <summary>A seal: its number and who applied it.</summary>
public sealed record SealResponse(string Number, string Source);
