namespace Caravan.Server.Devices;

/// <summary>A device to register: its id, its kind (<c>gps-tracker</c>, <c>reefer-controller</c>, <c>phone</c>) and an optional label.</summary>
public sealed record DeviceBody
{
    public string? Id { get; init; }

    public string? Kind { get; init; }

    public string? Label { get; init; }
}
