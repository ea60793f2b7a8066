namespace Caravan.Storage;

/// <summary>A device just registered: its description and its token's text, which exists only here and is never stored.</summary>
public sealed record IssuedDevice(DeviceInfo Info, string Token);
