namespace Caravan.Server.Shipments;

/// <summary>The temperature a reefer shipment must be kept at, in °C (both bounds inclusive); in requests and responses.</summary>
public sealed record TemperatureRangeBody(double? MinC, double? MaxC);
