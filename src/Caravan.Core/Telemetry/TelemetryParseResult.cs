namespace Caravan.Core.Telemetry;

/// <summary>
/// The outcome of reading a telemetry payload: the readings that passed, and a problem for each field of each
/// reading that did not. A batch is judged reading by reading, so one bad reading does not cost the others.
/// </summary>
public sealed record TelemetryParseResult(IReadOnlyList<TrackerReading> Readings, IReadOnlyList<TelemetryProblem> Problems)
{
    /// <summary>True when every reading of the payload passed.</summary>
    public bool Succeeded => Problems.Count == 0;
}
