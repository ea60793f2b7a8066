namespace Caravan.Storage;

/// <summary>
/// A device bound to a shipment now, with its own silence timeout (null: the configured default) and the time of its
/// newest stored reading (null: none yet).
/// </summary>
public sealed record WatchedDevice(DeviceBinding Binding, TimeSpan? SilenceTimeout, DateTimeOffset? LastFix);
