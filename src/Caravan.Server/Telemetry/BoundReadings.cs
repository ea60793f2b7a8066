using Caravan.Core.Telemetry;
using Caravan.Storage;

namespace Caravan.Server.Telemetry;

/// <summary>
/// Sorts a batch from the <see cref="StoredReadingsFeed"/> by the binding in force at each reading's time: the
/// readings of each (device, binding) in time order, duplicates within the batch dropped. Readings of a device bound
/// to nothing then are left out. One store read per batch (every device's bindings), not per device or reading.
/// </summary>
public static class BoundReadings
{
    public static async Task<IReadOnlyList<(DeviceBinding Binding, IReadOnlyList<TrackerReading> Readings)>> GroupAsync(
        IDeviceStore devices, IReadOnlyList<TrackerReading> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(batch);
        var groups = new List<(DeviceBinding, IReadOnlyList<TrackerReading>)>();
        var byDevice = batch.GroupBy(r => r.Device).ToList();

        // One read of every device's bindings for the whole batch, not one per device or per reading: a follower
        // keeps up with thousands of devices, most of them bound to nothing.
        var all = await devices.ListBindingsAsync([.. byDevice.Select(d => d.Key)], cancellationToken).ConfigureAwait(false);
        foreach (var device in byDevice)
        {
            if (!all.TryGetValue(device.Key, out var bindings))
            {
                continue;
            }

            DeviceBinding? binding = null;
            var current = new List<TrackerReading>();
            foreach (var reading in device.DistinctBy(r => r.Time).OrderBy(r => r.Time))
            {
                if (binding is null || !binding.Covers(reading.Time))
                {
                    // As IDeviceStore.FindBindingAsync: the latest-starting binding in force at the reading's time.
                    var found = bindings.LastOrDefault(b => b.Covers(reading.Time));
                    if (found is null)
                    {
                        continue;
                    }

                    if (binding is not null && current.Count > 0)
                    {
                        groups.Add((binding, current));
                        current = [];
                    }

                    binding = found;
                }

                current.Add(reading);
            }

            if (binding is not null && current.Count > 0)
            {
                groups.Add((binding, current));
            }
        }

        return groups;
    }
}
