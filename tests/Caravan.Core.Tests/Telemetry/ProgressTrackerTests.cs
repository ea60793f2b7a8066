using Caravan.Core.Events;
using Caravan.Core.Network;
using Caravan.Core.Telemetry;
using static Caravan.Core.Tests.Planning.TestNetwork;
using static Caravan.Core.Tests.Telemetry.ProgressJourney;

namespace Caravan.Core.Tests.Telemetry;

/// <summary>Arrivals and departures along a shipment's route, and the events the platform writes for them.</summary>
public sealed class ProgressTrackerTests
{
    private readonly ProgressJourney _journey = new();

    [Fact]
    public void The_route_holds_every_leg_end_with_its_modes_and_planned_times()
    {
        var stops = _journey.Route.Stops;

        Assert.Equal(["KZBEY", "KZAKT", "AZALA"], stops.Select(s => s.Terminal.Locode.Value));
        Assert.Equal([null, TransportMode.Rail, TransportMode.Ferry], stops.Select(s => s.ArrivingBy));
        Assert.Equal([TransportMode.Rail, TransportMode.Ferry, null], stops.Select(s => s.LeavingBy));
        Assert.Equal(At("Fri 02:00"), stops[1].PlannedArrival);
        Assert.Equal(At("Fri 10:00"), stops[1].PlannedDeparture);
        Assert.Equal(3000, stops[1].Geofence.RadiusM);
    }

    [Fact]
    public void A_journey_yields_departure_from_the_origin_arrival_boarding_the_ferry_and_leaving_it()
    {
        var step = _journey.Tracker.Apply(_journey.Tracker.Initial, _journey.Journey());

        Assert.Equal(
            [
                (ProgressObservationKind.Departure, "KZBEY", 0, At("Thu 16:00")),
                (ProgressObservationKind.Arrival, "KZAKT", 1, At("Fri 02:00")),
                (ProgressObservationKind.Departure, "KZAKT", 1, At("Fri 10:00")),
                (ProgressObservationKind.Arrival, "AZALA", 1, At("Sat 06:00")),
            ],
            step.Observations.Select(o => (o.Kind, o.Stop.Terminal.Locode.Value, o.Visit, o.Time)));
        Assert.Equal([false, false, true, true], step.Observations.Select(o => o.IsFerry));
        Assert.Equal(2, step.State.Reached);
        Assert.Equal(2, step.State.AtStop);
    }

    [Fact]
    public void Readings_sent_again_or_late_produce_nothing_more()
    {
        var readings = _journey.Journey().ToList();
        var first = _journey.Tracker.Apply(_journey.Tracker.Initial, readings);

        var again = _journey.Tracker.Apply(first.State, readings);
        var reversedLate = _journey.Tracker.Apply(first.State, Enumerable.Reverse(readings).Take(500));

        Assert.Empty(again.Observations);
        Assert.Empty(reversedLate.Observations);
        Assert.Equal(first.State, again.State with { Stops = first.State.Stops });
    }

    [Fact]
    public void A_batch_in_any_order_is_applied_in_time_order()
    {
        var readings = _journey.Journey().ToList();
        var inOrder = _journey.Tracker.Apply(_journey.Tracker.Initial, readings);
        var shuffled = readings.OrderBy(r => (r.Time.Ticks * 7919) % 10007).ToList();

        var step = _journey.Tracker.Apply(_journey.Tracker.Initial, shuffled);

        Assert.Equal(inOrder.Observations, step.Observations);
    }

    [Fact]
    public void Going_back_to_a_stop_already_left_is_not_a_new_arrival()
    {
        var (beyneu, aktau) = (_journey.Stop("KZBEY"), _journey.Stop("KZAKT"));
        var state = _journey.Tracker.Apply(_journey.Tracker.Initial, [.. Stay(beyneu, At("Thu 15:00"), 30), .. Stay(aktau, At("Thu 16:00"), 60)]).State;

        var back = _journey.Tracker.Apply(state, Stay(beyneu, At("Thu 18:00"), 60));

        Assert.Equal([(ProgressObservationKind.Departure, "KZAKT")], back.Observations.Select(o => (o.Kind, o.Stop.Terminal.Locode.Value)));
    }

    [Fact]
    public void The_platform_may_write_every_event_it_makes_and_gates_only_land_arrivals_and_departures()
    {
        var step = _journey.Tracker.Apply(_journey.Tracker.Initial, _journey.Journey());
        var created = At("Sun 00:00");

        var events = step.Observations
            .SelectMany(o => ProgressEvents.For(o, _journey.Shipment.Id, ContainerNo, created))
            .Select(json => ShipmentEventJson.TryParse(json).Event ?? throw new InvalidOperationException(string.Join("; ", ShipmentEventJson.TryParse(json).Problems)))
            .ToList();

        Assert.All(events, e => Assert.True(EventWriteRules.CheckPlatform(e).Allowed, e.ToString()));
        Assert.Equal(
            ["DEPA KZBEY RAIL", "GTOT KZBEY RAIL", "ARRI KZAKT RAIL", "GTIN KZAKT RAIL", "DEPA KZAKT VESSEL", "ARRI AZALA VESSEL"],
            events.Select(e => $"{e.TypeCode} {ShipmentStatus.PlaceOf(e)} {e.TransportCall!.ModeOfTransport}"));
        Assert.All(events, e => Assert.Equal(EventClassifierCode.ACT, e.EventClassifierCode));
        Assert.Equal(FacilityTypeCode.POTE, events[2].TransportCall!.FacilityTypeCode);
    }

    [Fact]
    public void The_same_observation_written_again_has_the_same_event_ids_and_another_container_shares_only_the_transport_event()
    {
        var departure = _journey.Tracker.Apply(_journey.Tracker.Initial, _journey.Journey()).Observations[0];

        var once = ProgressEvents.For(departure, _journey.Shipment.Id, ContainerNo, At("Sun 00:00")).Select(Id).ToList();
        var later = ProgressEvents.For(departure, _journey.Shipment.Id, ContainerNo, At("Sun 01:00")).Select(Id).ToList();
        var other = ProgressEvents.For(departure, _journey.Shipment.Id, Caravan.Core.Shipments.ContainerNumber.Parse("MSKU1234565"), At("Sun 00:00")).Select(Id).ToList();

        Assert.Equal(once, later);
        Assert.Equal(once[0], other[0]);
        Assert.NotEqual(once[1], other[1]);
    }

    private static Guid Id(byte[] json) => ShipmentEventJson.TryParse(json).Event!.EventId;
}
