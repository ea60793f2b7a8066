namespace Caravan.Core.Tests.Telemetry;

/// <summary>A clock that always reads the same instant, so "now" in a test is a fixture a reader can see.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;
}
