namespace Caravan.Core.Telemetry;

/// <summary>One thing wrong with a reading, naming the field at fault (<c>temperature</c>, <c>$[3].lat</c>, <c>timestamp</c>).</summary>
public sealed record TelemetryProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
