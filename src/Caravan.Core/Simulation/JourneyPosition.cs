using Caravan.Core.Geography;

namespace Caravan.Core.Simulation;

/// <summary>Where a simulated container is at a time: the exact point on its route, its speed (km/h) and course (degrees), and the step it is in.</summary>
public sealed record JourneyPosition(GeoPoint Point, double SpeedKmh, double? HeadingDegrees, JourneyStep Step);
