using Caravan.Core.Telemetry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Caravan.Core.Tests.Telemetry.GeofenceTrack;

namespace Caravan.Core.Tests.Telemetry;

/// <summary>
/// GPS jitter at a terminal's boundary never produces event storms, and a clean visit produces exactly one arrival
/// and one departure (radius 1 km, hysteresis 1.25, dwell 10 minutes; one reading a minute).
/// </summary>
public sealed class GeofenceTrackerProperties
{
    private static readonly GeofenceTracker Tracker = new(Aktau);

    private const double Band = RadiusM * 0.25;

    private const double EdgeMarginM = 1;

    [Property(MaxTest = 300)]
    public Property A_track_jittering_within_the_hysteresis_band_around_the_boundary_produces_no_transitions() =>
        Prop.ForAll(Jitter(RadiusM - Band, RadiusM + Band - EdgeMarginM).ToArbitrary(), track =>
        {
            // Settle inside first (a reading at the centre), then jitter within ±band of the boundary for hours. The
            // band's outer edge is the outside threshold itself (radius × hysteresis): it stays a metre short of it, as
            // a point placed there by GeofenceTrack's flat projection can measure a few centimetres beyond it.
            var (_, transitions) = Run(Tracker, [(0, 0, 0), .. track]);
            return (transitions.Count == 0).Label($"transitions: {string.Join(", ", transitions)}");
        });

    [Property(MaxTest = 300)]
    public Property A_track_crossing_both_thresholds_faster_than_the_dwell_produces_no_transitions() =>
        Prop.ForAll(FlappingTrack().ToArbitrary(), track =>
        {
            var (_, transitions) = Run(Tracker, track);
            return (transitions.Count == 0).Label($"transitions: {string.Join(", ", transitions)}");
        });

    [Property(MaxTest = 300)]
    public Property A_clean_pass_in_and_out_produces_exactly_one_entry_then_one_departure() =>
        Prop.ForAll(CleanPass().ToArbitrary(), pass =>
        {
            var (_, transitions) = Run(Tracker, pass.Track);
            var expected = new[]
            {
                new GeofenceTransition(GeofenceTransitionKind.Entered, Aktau.Terminal, Start.AddMinutes(pass.FirstInside)),
                new GeofenceTransition(GeofenceTransitionKind.Left, Aktau.Terminal, Start.AddMinutes(pass.FirstOutside)),
            };
            return transitions.SequenceEqual(expected).Label($"transitions: {string.Join(", ", transitions)}");
        });

    // One reading a minute for up to five hours, each at a random distance in [min, max] and a random bearing.
    private static Gen<(double, double, double)[]> Jitter(double minM, double maxM) =>
        from count in Gen.Choose(1, 300)
        from points in Gen.ArrayOf(Point(minM, maxM), count)
        select points.Select((p, i) => ((double)(i + 1), p.Distance, p.Bearing)).ToArray();

    private static Gen<(double Distance, double Bearing)> Point(double minM, double maxM) =>
        from fraction in Gen.Choose(0, 1000)
        from bearing in Gen.Choose(0, 359)
        select (minM + ((maxM - minM) * fraction / 1000.0), (double)bearing);

    // Alternating runs clearly inside (≤ 0.95 R) and clearly beyond (≥ 1.05 × 1.25 R), each run spanning at most
    // 9 minutes (so never the 10-minute dwell), sprinkled with readings in the band, which keep the indication.
    private static Gen<(double, double, double)[]> FlappingTrack() =>
        from runs in Gen.Choose(2, 30)
        from startInside in Gen.Elements(true, false)
        from lengths in Gen.ArrayOf(Gen.Choose(1, 10), runs)
        from points in Gen.ArrayOf(Gen.Elements(true, false).SelectMany(band => band ? Point(1.05 * RadiusM, 1.2 * RadiusM) : Point(0, 0.95 * RadiusM)), runs * 10)
        from far in Gen.ArrayOf(Point(1.05 * 1.25 * RadiusM, 3 * RadiusM), runs * 10)
        select Flapping(startInside, lengths, points, far);

    private static (double, double, double)[] Flapping(bool startInside, int[] lengths, (double Distance, double Bearing)[] inside, (double Distance, double Bearing)[] beyond)
    {
        var track = new List<(double, double, double)>();
        var minute = 0;
        for (var run = 0; run < lengths.Length; run++)
        {
            var isInside = (run % 2 == 0) == startInside;
            for (var i = 0; i < lengths[run]; i++, minute++)
            {
                var k = (run * 10) + i;
                // The first reading of a run is clearly on its side; later ones may be in the band (inside runs only,
                // as a band reading after a beyond reading would, rightly, keep pointing outside).
                var (distance, bearing) = isInside
                    ? (i == 0 ? (Math.Min(inside[k].Distance, 0.95 * RadiusM), inside[k].Bearing) : inside[k])
                    : beyond[k];
                track.Add((minute, distance, bearing));
            }
        }

        return [.. track];
    }

    private static Gen<Pass> CleanPass() =>
        from approach in Gen.Choose(1, 30)
        from stay in Gen.Choose(11, 120)
        from depart in Gen.Choose(11, 60)
        from far in Gen.ArrayOf(Point(1.05 * 1.25 * RadiusM, 20 * RadiusM), approach + depart)
        from near in Gen.ArrayOf(Point(0, 0.95 * RadiusM), stay)
        select new Pass(
            [
                .. far.Take(approach).Select((p, i) => ((double)i, p.Distance, p.Bearing)),
                .. near.Select((p, i) => ((double)(approach + i), p.Distance, p.Bearing)),
                .. far.Skip(approach).Select((p, i) => ((double)(approach + stay + i), p.Distance, p.Bearing)),
            ],
            approach,
            approach + stay);

    public sealed record Pass((double, double, double)[] Track, int FirstInside, int FirstOutside);
}
