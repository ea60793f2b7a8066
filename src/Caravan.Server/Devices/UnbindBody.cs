namespace Caravan.Server.Devices;

/// <summary>When the device's open binding ends (now when absent).</summary>
public sealed record UnbindBody
{
    public DateTimeOffset? To { get; init; }
}
