using Caravan.Core.Telemetry;

namespace Caravan.Core.Alerts;

/// <summary>
/// An alert rule judged reading by reading: a pure function from one reading to an <see cref="AlertObservation"/>,
/// with the <see cref="AlertLatch"/> that turns a stream of judgements into an open and a resolve.
/// </summary>
public interface IReadingRule
{
    AlertKind Kind { get; }

    AlertLatch Latch { get; }

    AlertObservation Judge(TrackerReading reading);
}
