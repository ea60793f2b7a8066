using Caravan.Core.Alerts;
using Caravan.Core.Geography;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Tests.Alerts;

/// <summary>Runs readings through a rule and its latch, as the server does for one (shipment, device), and collects the changes.</summary>
internal static class AlertRun
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly DeviceId Device = DeviceId.Parse("trk-1");

    /// <summary>Aktau port (43.65 N, 51.16 E).</summary>
    public static readonly GeoPoint Aktau = new(43.65, 51.16);

    public static TrackerReading At(double minutes, GeoPoint? position = null) => new(Device, Start.AddMinutes(minutes), position ?? Aktau);

    public static (AlertLatchState State, List<(AlertChange Change, DateTimeOffset At, string Detail)> Changes) Run(
        IReadingRule rule, IEnumerable<TrackerReading> readings, AlertLatchState? from = null)
    {
        var state = from ?? AlertLatchState.Initial;
        var changes = new List<(AlertChange, DateTimeOffset, string)>();
        foreach (var reading in readings)
        {
            var step = rule.Latch.Apply(state, reading.Time, rule.Judge(reading));
            state = step.State;
            if (step.Change is { } change)
            {
                changes.Add((change, step.At!.Value, step.Detail!));
            }
        }

        return (state, changes);
    }
}
