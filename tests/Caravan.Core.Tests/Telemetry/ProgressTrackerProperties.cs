using Caravan.Core.Telemetry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Caravan.Core.Tests.Planning.TestNetwork;
using static Caravan.Core.Tests.Telemetry.ProgressJourney;

namespace Caravan.Core.Tests.Telemetry;

/// <summary>
/// Visits to Aktau (a ferry port: radius 3 km, hysteresis 1.25, dwell 10 minutes) on a shipment's route, with GPS
/// jitter across the boundary within the hysteresis band, delivered in batches that are shuffled and repeat earlier
/// readings: each visit yields exactly one arrival and one departure, dated at the first reading on the new side.
/// </summary>
public sealed class ProgressTrackerProperties
{
    private static readonly ProgressJourney Journey = new();
    private static readonly ProgressStop Aktau = Journey.Stop("KZAKT");
    private static readonly double R = Aktau.Geofence.RadiusM;

    [Property(MaxTest = 200)]
    public Property Jitter_within_the_hysteresis_yields_one_arrival_and_one_departure_per_visit_whatever_the_batches() =>
        Prop.ForAll(Visits().ToArbitrary(), Batches().ToArbitrary(), (visits, batching) =>
        {
            var readings = visits.Points.Select(p => Near(Aktau, At("Thu 17:00").AddMinutes(p.Minute), p.DistanceM, p.Bearing)).ToList();
            var state = Journey.Tracker.Initial;
            var observed = new List<ProgressObservation>();
            foreach (var batch in Deliver(readings, batching))
            {
                var step = Journey.Tracker.Apply(state, batch);
                (state, observed) = (step.State, [.. observed, .. step.Observations]);
            }

            var expected = visits.Visits.SelectMany((v, i) => new[]
            {
                (ProgressObservationKind.Arrival, i + 1, At("Thu 17:00").AddMinutes(v.FirstInside)),
                (ProgressObservationKind.Departure, i + 1, At("Thu 17:00").AddMinutes(v.FirstOutside)),
            });
            var actual = observed.Select(o => (o.Kind, o.Visit, o.Time)).ToList();
            return actual.SequenceEqual(expected).Label($"observed: {string.Join(", ", actual)}; expected: {string.Join(", ", expected)}");
        });

    /// <summary>Cuts the track into consecutive batches, shuffles each, and follows some with a repeat of readings already sent.</summary>
    private static IEnumerable<List<TrackerReading>> Deliver(List<TrackerReading> readings, (int Size, int Seed)[] batching)
    {
        var sent = 0;
        var k = 0;
        while (sent < readings.Count)
        {
            var (size, seed) = batching[k++ % batching.Length];
            var batch = readings.Skip(sent).Take(size).OrderBy(r => (r.Time.Ticks / TimeSpan.TicksPerMinute * (seed | 1)) % 101).ToList();
            if (seed % 3 == 0 && sent > 0)
            {
                batch.AddRange(readings.Take(sent).Skip(seed % sent));
            }

            sent += size;
            yield return batch;
        }
    }

    private static Gen<(int Size, int Seed)[]> Batches() =>
        Gen.ArrayOf(Gen.Choose(1, 60).SelectMany(size => Gen.Choose(0, 1000).Select(seed => (size, seed))), 8);

    private static Gen<(double Distance, double Bearing)> Point(double minM, double maxM) =>
        from fraction in Gen.Choose(0, 1000)
        from bearing in Gen.Choose(0, 359)
        select (minM + ((maxM - minM) * fraction / 1000.0), (double)bearing);

    private static Gen<Track> Visits() =>
        from count in Gen.Choose(1, 3)
        from runs in Gen.ArrayOf(Gen.Choose(11, 40).SelectMany(away => Gen.Choose(11, 90).Select(stay => (away, stay))), count)
        from last in Gen.Choose(11, 30)
        from far in Gen.ArrayOf(Point(1.05 * 1.25 * R, 5 * R), 200)
        from near in Gen.ArrayOf(Point(0, 1.24 * R), 300)
        select Build(runs, last, far, near);

    private static Track Build((int Away, int Stay)[] runs, int last, (double, double)[] far, (double, double)[] near)
    {
        var track = new List<(double, double, double)>();
        var visits = new List<(int, int)>();
        var minute = 0;
        foreach (var (away, stay) in runs)
        {
            for (var i = 0; i < away; i++, minute++)
            {
                track.Add((minute, far[minute % far.Length].Item1, far[minute % far.Length].Item2));
            }

            // The first reading of a visit is clearly inside; the rest jitter across the boundary within the band (kept
            // just short of 1.25 R, where the flat approximation of the distance would round either way).
            var firstInside = minute;
            for (var i = 0; i < stay; i++, minute++)
            {
                var (distance, bearing) = near[minute % near.Length];
                track.Add((minute, i == 0 ? Math.Min(distance, 0.95 * R) : distance, bearing));
            }

            visits.Add((firstInside, minute));
        }

        for (var i = 0; i < last; i++, minute++)
        {
            track.Add((minute, far[minute % far.Length].Item1, far[minute % far.Length].Item2));
        }

        return new Track([.. track.Select(t => (t.Item1, t.Item2, t.Item3))], visits);
    }

    public sealed record Track((double Minute, double DistanceM, double Bearing)[] Points, List<(int FirstInside, int FirstOutside)> Visits);
}
