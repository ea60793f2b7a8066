using Caravan.Core.Geography;

namespace Caravan.Core.Events;

/// <summary>
/// A shipment's status, derived from its events and never stored beside them (DESIGN.md §3), so it cannot disagree
/// with the record. Only actual (ACT) events count — plans and estimates say nothing of where the goods are — and an
/// event that a later event corrects (<c>correctsEventID</c>) is replaced by its correction.
/// </summary>
/// <param name="State">Where the shipment stands.</param>
/// <param name="LatestEvent">The latest actual event by event time (then chain order), or null when there is none.</param>
/// <param name="Location">Where the latest actual movement happened, when it names a place.</param>
public sealed record ShipmentStatus(ShipmentState State, ShipmentEvent? LatestEvent, Locode? Location)
{
    /// <summary>
    /// Reads the status from <paramref name="events"/> in chain order, as <see cref="Derive(IEnumerable{ValueTuple{ShipmentEvent, string}}, Locode)"/>
    /// does for events whose authors are not told apart (tests, one author's events).
    /// </summary>
    public static ShipmentStatus Derive(IEnumerable<ShipmentEvent> events, Locode placeOfDelivery)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Derive(events.Select(e => (e, string.Empty)), placeOfDelivery);
    }

    /// <summary>
    /// Reads the status from <paramref name="events"/> in chain order, each with the party that wrote it. Delivered: an
    /// actual TRANSPORT ARRI at <paramref name="placeOfDelivery"/>, an EQUIPMENT STRP there, or a SHIPMENT CMPL.
    /// Otherwise held: a SHIPMENT HOLD with no later RELS. Otherwise the last actual TRANSPORT or EQUIPMENT event
    /// decides: DEPA, GTOT and PICK mean in transit; any other (ARRI, GTIN, LOAD, DISC, …) at terminal. No actual
    /// movement: booked. A correction replaces the event it names only when that event is earlier in the chain and was
    /// written by the same party — the rule the server applies on append; a correction recorded before that rule that
    /// names another party's event, or none, replaces nothing and counts as an event of its own.
    /// </summary>
    public static ShipmentStatus Derive(IEnumerable<(ShipmentEvent Event, string AuthorPartyId)> events, Locode placeOfDelivery)
    {
        ArgumentNullException.ThrowIfNull(events);
        var authored = events.ToList();
        var all = authored.Select(e => e.Event).ToList();
        var authors = new Dictionary<Guid, string>(authored.Count);
        var corrected = new HashSet<Guid>();
        foreach (var (e, author) in authored)
        {
            if (e.CorrectsEventId is { } target && authors.TryGetValue(target, out var targetAuthor) && targetAuthor == author)
            {
                corrected.Add(target);
            }

            authors.TryAdd(e.EventId, author);
        }

        // Order by when it happened; OrderBy is stable, so equal times keep chain order.
        var actual = all
            .Where(e => e.EventClassifierCode == EventClassifierCode.ACT && !corrected.Contains(e.EventId))
            .OrderBy(e => e.EventDateTime.UtcDateTime)
            .ToList();
        if (actual.Count == 0)
        {
            return new ShipmentStatus(ShipmentState.Booked, null, null);
        }

        var latest = actual[^1];
        var movement = actual.LastOrDefault(e => e.EventType != EventType.SHIPMENT);
        var location = movement is null ? null : PlaceOf(movement);
        if (actual.Any(e => IsDelivery(e, placeOfDelivery)))
        {
            return new ShipmentStatus(ShipmentState.Delivered, latest, location);
        }

        var lastHold = actual.FindLastIndex(e => e.ShipmentEventTypeCode == ShipmentEventTypeCode.HOLD);
        var lastRelease = actual.FindLastIndex(e => e.ShipmentEventTypeCode == ShipmentEventTypeCode.RELS);
        if (lastHold >= 0 && lastRelease < lastHold)
        {
            return new ShipmentStatus(ShipmentState.Held, latest, location);
        }

        if (movement is null)
        {
            return new ShipmentStatus(ShipmentState.Booked, latest, null);
        }

        var moving = movement.TransportEventTypeCode == TransportEventTypeCode.DEPA
            || movement.EquipmentEventTypeCode is EquipmentEventTypeCode.GTOT or EquipmentEventTypeCode.PICK;
        return new ShipmentStatus(moving ? ShipmentState.InTransit : ShipmentState.AtTerminal, latest, location);
    }

    /// <summary>The place an event happened: its transport call's, else its event location; null when it names none.</summary>
    public static Locode? PlaceOf(ShipmentEvent shipmentEvent)
    {
        ArgumentNullException.ThrowIfNull(shipmentEvent);
        return shipmentEvent.TransportCall?.UNLocationCode ?? shipmentEvent.EventLocation;
    }

    private static bool IsDelivery(ShipmentEvent e, Locode placeOfDelivery) =>
        e.ShipmentEventTypeCode == ShipmentEventTypeCode.CMPL
        || (e.TransportEventTypeCode == TransportEventTypeCode.ARRI && PlaceOf(e) == placeOfDelivery)
        || (e.EquipmentEventTypeCode == EquipmentEventTypeCode.STRP && PlaceOf(e) == placeOfDelivery);
}
