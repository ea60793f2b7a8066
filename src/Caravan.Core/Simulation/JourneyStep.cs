using Caravan.Core.Geography;

namespace Caravan.Core.Simulation;

/// <summary>
/// One step of a simulated journey, from <see cref="Start"/> to <see cref="End"/> (UTC): moving in a straight line from
/// <see cref="From"/> to <see cref="To"/>, or standing at <see cref="From"/> (then <see cref="To"/> is the same point).
/// <see cref="Terminal"/> names where it stands, or null while moving.
/// </summary>
public sealed record JourneyStep(JourneyStepKind Kind, DateTimeOffset Start, DateTimeOffset End, GeoPoint From, GeoPoint To, Locode? Terminal)
{
    public bool IsMoving => Kind == JourneyStepKind.Moving;

    public TimeSpan Duration => End - Start;

    /// <summary>Ground speed in km/h over the step: 0 when standing.</summary>
    public double SpeedKmh => IsMoving && Duration > TimeSpan.Zero ? From.DistanceKmTo(To) / Duration.TotalHours : 0;
}
