using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Simulation;

/// <summary>
/// A simulated container tracker: the <see cref="Journey"/> of its container and its <see cref="Profile"/>, and the
/// readings it sends, in time order — every <see cref="SimulationSettings.MovingInterval"/> while moving and
/// <see cref="SimulationSettings.StationaryInterval"/> while standing, with GPS noise within the reported accuracy,
/// none while it is silent, reefer temperatures at the setpoint except in an excursion, the door opened at some border
/// inspections (and, rarely, en route), shocks at gauge changes and transfers, and a draining battery. Pure: the same
/// itinerary, network, settings and seed give the same readings.
/// </summary>
public sealed class VirtualTracker
{
    private static readonly double[] Setpoints = [-18, 2, 5, 13];

    private readonly SimulationSettings _settings;
    private readonly int _seed;

    private VirtualTracker(DeviceId device, Journey journey, TrackerProfile profile, SimulationSettings settings, int seed)
    {
        Device = device;
        Journey = journey;
        Profile = profile;
        _settings = settings;
        _seed = seed;
    }

    public DeviceId Device { get; }

    public Journey Journey { get; }

    public TrackerProfile Profile { get; }

    /// <summary>
    /// A tracker on a container booked on <paramref name="itinerary"/>; null with <paramref name="problem"/> when the
    /// network does not know the itinerary's terminals.
    /// </summary>
    public static VirtualTracker? TryCreate(
        DeviceId device, ShipmentItinerary itinerary, CorridorNetwork network, SimulationSettings settings, int seed, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (device == default)
        {
            throw new ArgumentException("A tracker needs a device id.", nameof(device));
        }

        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(settings));
        }

        var random = new Random(seed);
        if (JourneyBuilder.TryBuild(itinerary, network, settings, random, out problem) is not { } journey)
        {
            return null;
        }

        return new VirtualTracker(device, journey, DrawProfile(journey, settings, random), settings, SimulationSeed.Mix(seed, 1));
    }

    /// <summary>Every reading, in strictly increasing time order (whole seconds, UTC).</summary>
    public IEnumerable<TrackerReading> Readings()
    {
        var random = new Random(_seed);
        var time = Journey.Start;
        var lastShockStep = -1;
        var lastDoorStep = -1;
        var doorDone = false;
        var shockDone = false;
        while (time <= Journey.End)
        {
            if (Profile.Silence is { } silence && time >= silence.Start && time < silence.End)
            {
                time = silence.End;
                continue;
            }

            var position = Journey.PositionAt(time);
            var step = position.Step;
            var stepIndex = IndexOf(step);
            double? shock = Math.Round(0.05 + (random.NextDouble() * 0.35), 2);
            DoorState door = DoorState.Closed;
            if (!step.IsMoving && stepIndex != lastShockStep && step.Kind is JourneyStepKind.GaugeChange or JourneyStepKind.Transfer or JourneyStepKind.FerryWait)
            {
                // Lifted by a crane or shunted onto another wagon: one hard knock on arrival.
                lastShockStep = stepIndex;
                shock = Math.Round(1.5 + (random.NextDouble() * 3), 2);
            }

            if (!step.IsMoving && step.Kind == JourneyStepKind.Border && stepIndex != lastDoorStep)
            {
                lastDoorStep = stepIndex;
                if (random.NextDouble() < 0.3)
                {
                    door = DoorState.Open; // a customs inspection
                }
            }

            if (!doorDone && Profile.DoorOpenedEnRoute is { } opened && time >= opened && step.IsMoving)
            {
                doorDone = true;
                door = DoorState.Open;
            }

            if (!shockDone && Profile.HardShock is { } hard && time >= hard)
            {
                shockDone = true;
                shock = Math.Round(5 + (random.NextDouble() * 10), 2);
            }

            yield return Reading(time, position, shock, door, random);
            var interval = step.IsMoving ? _settings.MovingInterval : _settings.StationaryInterval;
            var jitter = 0.9 + (random.NextDouble() * 0.2);
            time += TimeSpan.FromSeconds(Math.Max(1, Math.Round(interval.TotalSeconds * jitter)));
        }
    }

    private TrackerReading Reading(DateTimeOffset time, JourneyPosition position, double? shock, DoorState door, Random random)
    {
        var coarse = random.NextDouble() < _settings.CoarseFixShare;
        var accuracy = coarse ? 300 + (random.NextDouble() * 1200) : 4 + (random.NextDouble() * 11);
        // Within 0.95 of the accuracy, so rounding to 6 decimals (0.1 m) keeps it within the accuracy.
        var point = Offset(position.Point, accuracy * Math.Sqrt(random.NextDouble()) * 0.95, random.NextDouble() * 360);
        var moving = position.Step.IsMoving;
        var days = (time - Journey.Start).TotalDays;
        return new TrackerReading(Device, time, new GeoPoint(Math.Round(point.Latitude, 6), Math.Round(point.Longitude, 6)))
        {
            SpeedKmh = moving ? Math.Round(Math.Min(ReadingValidator.MaxSpeedKmh, position.SpeedKmh * (0.95 + (random.NextDouble() * 0.1))), 1) : 0,
            HeadingDegrees = position.HeadingDegrees is { } heading ? Math.Round(heading, 1) % 360 : null,
            AccuracyM = Math.Round(accuracy, 1),
            TemperatureC = Math.Round(Temperature(time, random), 1),
            HumidityPercent = Math.Round(Math.Clamp((Profile.Reefer ? 85 : 55) + ((random.NextDouble() - 0.5) * 20), 0, 100), 0),
            ShockG = shock,
            Door = door,
            BatteryPercent = Math.Round(Math.Max(1, Profile.BatteryAtStart - (days * 0.8)), 0),
        };
    }

    private double Temperature(DateTimeOffset time, Random random)
    {
        var noise = (random.NextDouble() - 0.5) * 0.8;
        if (Profile.SetpointC is not { } setpoint)
        {
            // Ambient in a steel box: warm by day, cool by night.
            var hour = time.UtcDateTime.TimeOfDay.TotalHours;
            return 15 + (10 * Math.Sin((hour - 6) / 24 * 2 * Math.PI)) + (noise * 3);
        }

        if (Profile.Excursion is { } excursion && time >= excursion.Start && time < excursion.End)
        {
            // Unplugged: the cargo warms towards ambient, then recovers; rises by up to 12 °C.
            var fraction = (time - excursion.Start) / (excursion.End - excursion.Start);
            return setpoint + (12 * Math.Sin(fraction * Math.PI)) + noise;
        }

        return setpoint + noise;
    }

    private int IndexOf(JourneyStep step)
    {
        for (var i = 0; i < Journey.Steps.Count; i++)
        {
            if (ReferenceEquals(Journey.Steps[i], step))
            {
                return i;
            }
        }

        return -1;
    }

    // A point displaced by distanceM metres towards bearing (degrees), on a sphere: fine for metres to kilometres.
    private static GeoPoint Offset(GeoPoint from, double distanceM, double bearingDegrees)
    {
        var angular = distanceM / (GeoPoint.EarthRadiusKm * 1000);
        var bearing = double.DegreesToRadians(bearingDegrees);
        var lat1 = double.DegreesToRadians(from.Latitude);
        var lon1 = double.DegreesToRadians(from.Longitude);
        var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(angular)) + (Math.Cos(lat1) * Math.Sin(angular) * Math.Cos(bearing)));
        var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(angular) * Math.Cos(lat1), Math.Cos(angular) - (Math.Sin(lat1) * Math.Sin(lat2)));
        var longitude = ((double.RadiansToDegrees(lon2) + 540) % 360) - 180;
        return new GeoPoint(Math.Clamp(double.RadiansToDegrees(lat2), -90, 90), longitude);
    }

    private static TrackerProfile DrawProfile(Journey journey, SimulationSettings settings, Random random)
    {
        var span = journey.End - journey.Start;
        DateTimeOffset At(double fraction) => journey.Start + TimeSpan.FromSeconds(Math.Round(span.TotalSeconds * fraction));

        var reefer = random.NextDouble() < settings.ReeferShare;
        double? setpoint = reefer ? Setpoints[random.Next(Setpoints.Length)] : null;
        (DateTimeOffset, DateTimeOffset)? excursion = null;
        if (reefer && random.NextDouble() < settings.ExcursionShare)
        {
            var start = At(0.15 + (random.NextDouble() * 0.6));
            excursion = (start, start + TimeSpan.FromMinutes(Math.Round(180 + (random.NextDouble() * 540))));
        }

        (DateTimeOffset, DateTimeOffset)? silence = null;
        if (random.NextDouble() < settings.SilentShare)
        {
            var start = At(0.1 + (random.NextDouble() * 0.7));
            silence = (start, start + TimeSpan.FromMinutes(Math.Round(720 + (random.NextDouble() * 2160))));
        }

        DateTimeOffset? door = random.NextDouble() < settings.DoorEnRouteShare ? At(0.1 + (random.NextDouble() * 0.8)) : null;
        DateTimeOffset? shock = random.NextDouble() < settings.HardShockShare ? At(0.05 + (random.NextDouble() * 0.9)) : null;
        var battery = 80 + (random.NextDouble() * 20);
        return new TrackerProfile(reefer, setpoint, excursion, silence, door, shock, Math.Round(battery, 0));
    }
}
