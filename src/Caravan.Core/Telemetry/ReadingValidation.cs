namespace Caravan.Core.Telemetry;

/// <summary>The outcome of checking one reading: the reading when it passed, or every problem found and no reading.</summary>
public sealed record ReadingValidation(TrackerReading? Reading, IReadOnlyList<TelemetryProblem> Problems)
{
    public bool Succeeded => Reading is not null;
}
