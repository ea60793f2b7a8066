namespace Caravan.Server.Devices;

/// <summary>The devices a batch registered, in the order given, each with its token (shown in this answer only).</summary>
public sealed record DeviceBatchResponse(IReadOnlyList<DeviceResponse> Devices);
