namespace Caravan.Server.Telemetry;

/// <summary>
/// Endpoint metadata: the endpoint authenticates a device token itself, so the party bearer handler leaves its
/// Authorization header alone (a device token is not a refused party token, and costs no party-token lookup).
/// </summary>
public sealed class DeviceTokenEndpoint
{
    public static DeviceTokenEndpoint Instance { get; } = new();
}
