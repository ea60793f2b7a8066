using System.Globalization;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Alerts;

/// <summary>
/// The container off the itinerary's corridor: Raised when its <see cref="CorridorPath.DeviationKm"/> exceeds the
/// tolerance, Clear once back within the tolerance × the clear fraction; in between says nothing.
/// </summary>
public sealed class RouteDeviationRule : IReadingRule
{
    private readonly double _clearWithinKm;

    public RouteDeviationRule(CorridorPath path, double toleranceKm, double clearFraction, AlertLatch latch)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(latch);
        if (!double.IsFinite(toleranceKm) || toleranceKm <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(toleranceKm), toleranceKm, "The tolerance must be a positive number of kilometres.");
        }

        if (!double.IsFinite(clearFraction) || clearFraction is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(clearFraction), clearFraction, "The clear fraction must be in (0, 1].");
        }

        Path = path;
        ToleranceKm = toleranceKm;
        Latch = latch;
        _clearWithinKm = toleranceKm * clearFraction;
    }

    public AlertKind Kind => AlertKind.RouteDeviation;

    public AlertLatch Latch { get; }

    /// <summary>The itinerary's path.</summary>
    public CorridorPath Path { get; }

    /// <summary>How far, in km beyond a leg's own allowance, the container may stray.</summary>
    public double ToleranceKm { get; }

    public AlertObservation Judge(TrackerReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var deviation = Path.DeviationKm(reading.Position);
        var detail = string.Create(CultureInfo.InvariantCulture, $"{deviation:0.#} km off the itinerary's corridor at {reading.Position}; the tolerance is {ToleranceKm:0.#} km.");
        return deviation > ToleranceKm ? new(AlertLevel.Raised, detail)
            : deviation <= _clearWithinKm ? new(AlertLevel.Clear, detail)
            : AlertObservation.Silent;
    }
}
