using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Core.Tests.Planning;
using static Caravan.Core.Tests.Planning.TestNetwork;

namespace Caravan.Core.Tests.Telemetry;

/// <summary>
/// A shipment booked Beyneu → Aktau (rail, 10 h) → Alat (the Friday ferry) on <see cref="SampleNetworks.BeyneuToAlat"/>,
/// ready Monday: it leaves Beyneu Thu 16:00, reaches Aktau Fri 02:00, sails Fri 10:00 and lands Sat 06:00. Readings are
/// one a minute at a distance and bearing from a stop's centre, as a tracker on the container would send them.
/// </summary>
internal sealed class ProgressJourney
{
    public static readonly DeviceId Device = DeviceId.Parse("trk-1");

    public static readonly ContainerNumber ContainerNo = ContainerNumber.Parse("CSQU3054383");

    private const double MetresPerDegree = 111_195;

    public ProgressJourney(double aktauDwellP90Hours = 2)
    {
        Network = SampleNetworks.BeyneuToAlat(aktauDwellP90Hours).Build();
        var itinerary = Assert.Single(new RoutePlanner(Network).Plan(Request("KZBEY", "AZALA", At("Mon 00:00"))).Itineraries);
        Shipment = new Shipment
        {
            Id = ShipmentId.Parse("CRV-TEST000001"),
            CreatedBy = PartyId.Parse("forwarder"),
            CreatedAt = At("Mon 00:00"),
            Parties = [],
            Consignment = new Consignment
            {
                Consignor = PartyId.Parse("shipper"),
                Consignee = PartyId.Parse("consignee"),
                PlaceOfTakingOver = Locode.Parse("KZBEY"),
                PlaceOfDelivery = Locode.Parse("AZALA"),
                GoodsDescription = "Machine parts",
                HsCode = HsCode.Parse("8471.30"),
                NumberOfPackages = 10,
                GrossMassKg = 12_000,
            },
            Containers = [new ShipmentContainer(ContainerNo, [])],
            Itinerary = ShipmentItinerary.From(itinerary),
        };
        Route = ProgressRoute.Of(Shipment, Network, GeofenceRadii.Default);
        Tracker = new ProgressTracker(Route);
    }

    public CorridorNetwork Network { get; }

    public Shipment Shipment { get; }

    public ProgressRoute Route { get; }

    public ProgressTracker Tracker { get; }

    public ProgressStop Stop(string locode) => Route.Stops.Single(s => s.Terminal.Locode == Locode.Parse(locode));

    /// <summary>A reading at <paramref name="time"/>, <paramref name="distanceM"/> metres from <paramref name="stop"/>'s centre.</summary>
    public static TrackerReading Near(ProgressStop stop, DateTimeOffset time, double distanceM = 0, double bearingDegrees = 90)
    {
        var bearing = double.DegreesToRadians(bearingDegrees);
        var centre = stop.Geofence.Centre;
        var lat = centre.Latitude + (distanceM * Math.Cos(bearing) / MetresPerDegree);
        var lon = centre.Longitude + (distanceM * Math.Sin(bearing) / (MetresPerDegree * Math.Cos(double.DegreesToRadians(centre.Latitude))));
        return new TrackerReading(Device, time, new GeoPoint(lat, lon));
    }

    /// <summary>One reading a minute at <paramref name="stop"/>'s centre from <paramref name="from"/> for <paramref name="minutes"/>.</summary>
    public static IEnumerable<TrackerReading> Stay(ProgressStop stop, DateTimeOffset from, int minutes, double distanceM = 0) =>
        Enumerable.Range(0, minutes).Select(m => Near(stop, from.AddMinutes(m), distanceM));

    /// <summary>The whole journey as planned, waiting <paramref name="extraAtAktau"/> more at Aktau before a later ferry.</summary>
    public IEnumerable<TrackerReading> Journey(TimeSpan extraAtAktau = default)
    {
        var (beyneu, aktau, alat) = (Stop("KZBEY"), Stop("KZAKT"), Stop("AZALA"));
        var ferry = At("Fri 10:00").Add(extraAtAktau.Days >= 7 ? TimeSpan.FromDays(7 * (extraAtAktau.Days / 7)) : TimeSpan.Zero);
        return
        [
            .. Stay(beyneu, At("Thu 15:00"), 60),
            .. Stay(beyneu, At("Thu 16:00"), 30, 20_000),
            .. Stay(aktau, At("Fri 01:30"), 30, 20_000),
            .. Stay(aktau, At("Fri 02:00"), (int)(ferry - At("Fri 02:00")).TotalMinutes, 200),
            .. Stay(aktau, ferry, 30, 30_000),
            .. Stay(alat, ferry.AddHours(19.5), 30, 30_000),
            .. Stay(alat, ferry.AddHours(20), 60, 100),
        ];
    }
}
