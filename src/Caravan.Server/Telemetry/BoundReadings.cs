using Caravan.Core.Telemetry;
using Caravan.Storage;

namespace Caravan.Server.Telemetry;

/// <summary>
/// Sorts a batch from the <see cref="StoredReadingsFeed"/> by the binding in force at each reading's time: the
/// readings of each (device, binding) in time order, duplicates within the batch dropped. Readings of a device bound
/// to nothing then are left out. One store lookup per device and binding, not per reading.
/// </summary>
public static class BoundReadings
{
    public static async Task<IReadOnlyList<(DeviceBinding Binding, IReadOnlyList<TrackerReading> Readings)>> GroupAsync(
        IDeviceStore devices, IReadOnlyList<TrackerReading> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(batch);
        var groups = new List<(DeviceBinding, IReadOnlyList<TrackerReading>)>();
        foreach (var device in batch.GroupBy(r => r.Device))
        {
            DeviceBinding? binding = null;
            var current = new List<TrackerReading>();
            foreach (var reading in device.DistinctBy(r => r.Time).OrderBy(r => r.Time))
            {
                if (binding is null || !binding.Covers(reading.Time))
                {
                    var found = await devices.FindBindingAsync(device.Key, reading.Time, cancellationToken).ConfigureAwait(false);
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
