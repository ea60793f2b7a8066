using System.Text.Json.Nodes;
using Caravan.Core.Events;
using Caravan.Core.Geography;

namespace Caravan.Core.Tests.Events;

public sealed class ShipmentStatusTests
{
    private static readonly Locode Delivery = Locode.Parse("DEDUI");
    private static int _next;

    [Fact]
    public void A_shipment_without_actual_events_is_booked()
    {
        var status = ShipmentStatus.Derive([Event(SampleEvents.Transport("DEPA", "PLN"), 1), Event(SampleEvents.Transport("ARRI", "EST"), 2)], Delivery);

        Assert.Equal(ShipmentState.Booked, status.State);
        Assert.Null(status.LatestEvent);
    }

    [Fact]
    public void Paperwork_alone_leaves_it_booked_with_the_paperwork_as_latest_event()
    {
        var confirmed = Event(SampleEvents.Shipment("CONF", "BKG"), 1);

        var status = ShipmentStatus.Derive([confirmed], Delivery);

        Assert.Equal(ShipmentState.Booked, status.State);
        Assert.Same(confirmed, status.LatestEvent);
    }

    [Theory]
    [InlineData("TRANSPORT", "DEPA", ShipmentState.InTransit)]
    [InlineData("TRANSPORT", "ARRI", ShipmentState.AtTerminal)]
    [InlineData("EQUIPMENT", "GTOT", ShipmentState.InTransit)]
    [InlineData("EQUIPMENT", "PICK", ShipmentState.InTransit)]
    [InlineData("EQUIPMENT", "GTIN", ShipmentState.AtTerminal)]
    [InlineData("EQUIPMENT", "LOAD", ShipmentState.AtTerminal)]
    [InlineData("EQUIPMENT", "DISC", ShipmentState.AtTerminal)]
    public void The_last_actual_movement_decides_between_in_transit_and_at_terminal(string family, string code, ShipmentState expected)
    {
        var earlier = Event(SampleEvents.Transport("ARRI"), 1);
        var last = Event(family == "TRANSPORT" ? SampleEvents.Transport(code) : SampleEvents.Equipment(code), 2);

        var status = ShipmentStatus.Derive([earlier, last], Delivery);

        Assert.Equal(expected, status.State);
        Assert.Same(last, status.LatestEvent);
    }

    [Fact]
    public void Events_are_ordered_by_when_they_happened_not_by_when_they_were_recorded()
    {
        var departed = Event(SampleEvents.Transport("DEPA"), 5);
        var arrivedEarlierButRecordedLater = Event(SampleEvents.Transport("ARRI"), 3);

        Assert.Equal(ShipmentState.InTransit, ShipmentStatus.Derive([departed, arrivedEarlierButRecordedLater], Delivery).State);
    }

    [Fact]
    public void A_hold_without_a_later_release_is_held_and_a_release_ends_it()
    {
        var departed = Event(SampleEvents.Transport("DEPA"), 1);
        var hold = Event(SampleEvents.Shipment("HOLD"), 2);
        var release = Event(SampleEvents.Shipment("RELS"), 3);
        var holdAgain = Event(SampleEvents.Shipment("HOLD"), 4);

        Assert.Equal(ShipmentState.Held, ShipmentStatus.Derive([departed, hold], Delivery).State);
        Assert.Equal(ShipmentState.InTransit, ShipmentStatus.Derive([departed, hold, release], Delivery).State);
        Assert.Equal(ShipmentState.Held, ShipmentStatus.Derive([departed, hold, release, holdAgain], Delivery).State);
    }

    [Fact]
    public void Arrival_at_the_place_of_delivery_is_delivered_arrival_elsewhere_is_not()
    {
        var arrival = SampleEvents.Transport("ARRI");
        arrival["transportCall"]!["UNLocationCode"] = "DEDUI";
        arrival["eventLocation"]!["UNLocationCode"] = "DEDUI";

        Assert.Equal(ShipmentState.Delivered, ShipmentStatus.Derive([Event(arrival, 1)], Delivery).State);
        Assert.Equal(ShipmentState.AtTerminal, ShipmentStatus.Derive([Event(SampleEvents.Transport("ARRI"), 1)], Delivery).State);
    }

    [Fact]
    public void Completed_delivery_is_delivered()
    {
        var status = ShipmentStatus.Derive([Event(SampleEvents.Transport("DEPA"), 1), Event(SampleEvents.Shipment("CMPL", "TRD"), 2)], Delivery);

        Assert.Equal(ShipmentState.Delivered, status.State);
    }

    [Fact]
    public void A_corrected_event_is_replaced_by_its_correction()
    {
        var departed = Event(SampleEvents.Transport("DEPA"), 2);
        var correction = SampleEvents.Transport("ARRI");
        correction["correctsEventID"] = departed.EventId.ToString();

        var status = ShipmentStatus.Derive([Event(SampleEvents.Transport("ARRI"), 1), departed, Event(correction, 2)], Delivery);

        Assert.Equal(ShipmentState.AtTerminal, status.State);
    }

    [Fact]
    public void A_correction_replaces_only_an_earlier_event_of_its_own_author()
    {
        var hold = Event(SampleEvents.Shipment("HOLD", "CUS"), 1);
        var overHold = SampleEvents.Transport("ARRI");
        overHold["correctsEventID"] = hold.EventId.ToString();
        var notYetWritten = SampleEvents.Transport("ARRI");
        var laterEvent = Event(SampleEvents.Transport("DEPA"), 3);
        notYetWritten["correctsEventID"] = laterEvent.EventId.ToString();

        // A carrier's "correction" of customs' hold, recorded before the server refused it, leaves the hold standing.
        Assert.Equal(ShipmentState.Held, ShipmentStatus.Derive([(hold, "kz-customs"), (Event(overHold, 2), "ktz")], Delivery).State);
        Assert.Equal(ShipmentState.AtTerminal, ShipmentStatus.Derive([(hold, "kz-customs"), (Event(overHold, 2), "kz-customs")], Delivery).State);

        // A correction names an event before it in the chain; a later event with that id is not replaced.
        Assert.Equal(ShipmentState.InTransit, ShipmentStatus.Derive([(Event(notYetWritten, 2), "ktz"), (laterEvent, "ktz")], Delivery).State);
    }

    [Fact]
    public void The_location_is_the_last_movements_place()
    {
        var status = ShipmentStatus.Derive([Event(SampleEvents.Transport("DEPA"), 1), Event(SampleEvents.Equipment("LOAD"), 2)], Delivery);

        Assert.Equal(Locode.Parse("AZBAK"), status.Location);
    }

    private static ShipmentEvent Event(JsonObject json, int hour)
    {
        json["eventID"] = $"00000000-0000-4000-8000-{Interlocked.Increment(ref _next):D12}";
        json["eventDateTime"] = $"2026-03-02T{hour:D2}:00:00Z";
        return SampleEvents.Parse(json);
    }
}
