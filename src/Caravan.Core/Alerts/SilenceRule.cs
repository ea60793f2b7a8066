using System.Globalization;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Alerts;

/// <summary>
/// A device silent longer than its timeout: judged on the server's clock, not per reading — Raised when the newest
/// fix heard from the device (or, before any, the start of its binding) is older than <see cref="Timeout"/>, Clear
/// when a fix newer than that has been heard. Feed the judgement to an <see cref="AlertLatch"/> with the clock's
/// time; re-opening needs a whole timeout of silence again, so a device that reports now and then cannot flap it.
/// </summary>
public sealed class SilenceRule
{
    public SilenceRule(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Timeout = timeout;
    }

    /// <summary>The longest gap between fixes that is not silence.</summary>
    public TimeSpan Timeout { get; }

    public AlertKind Kind => AlertKind.DeviceSilent;

    /// <summary>Judges device <paramref name="device"/> at <paramref name="now"/>, its newest fix (or binding start) being <paramref name="lastHeard"/>.</summary>
    public AlertObservation Judge(DeviceId device, DateTimeOffset lastHeard, DateTimeOffset now) =>
        now - lastHeard > Timeout
            ? new(AlertLevel.Raised, string.Create(CultureInfo.InvariantCulture, $"No fix from device {device} since {lastHeard.UtcDateTime:yyyy-MM-dd'T'HH:mm'Z'}; its silence timeout is {Timeout.TotalMinutes:0} minutes."))
            : new(AlertLevel.Clear, string.Create(CultureInfo.InvariantCulture, $"Device {device} reported a fix at {lastHeard.UtcDateTime:yyyy-MM-dd'T'HH:mm'Z'}."));
}
