using Caravan.Core.Shipments;

namespace Caravan.Core.Events;

/// <summary>
/// Which shipment role — or the platform — may write which events (DESIGN.md §3 "Events"): the table is data, one
/// row per writer and family, and docs/record.md shows the same table. Whether a carrier is on the leg the
/// event is about is the server's check, not this table's.
/// </summary>
public static class EventWriteRules
{
    private static readonly EventClassifierCode[] Any = [EventClassifierCode.PLN, EventClassifierCode.EST, EventClassifierCode.ACT];
    private static readonly EventClassifierCode[] Actual = [EventClassifierCode.ACT];
    private static readonly string[] AllShipmentCodes = Enum.GetNames<ShipmentEventTypeCode>();

    /// <summary>The rows; a writer may write an event when some row allows it.</summary>
    public static IReadOnlyList<EventWriteRule> Table { get; } =
    [
        new(ShipmentRole.Carrier, EventType.TRANSPORT, Enum.GetNames<TransportEventTypeCode>(), Any,
            "A railway, ferry line or haulier reports its own arrivals and departures, planned, estimated and actual."),
        new(ShipmentRole.Carrier, EventType.EQUIPMENT, Enum.GetNames<EquipmentEventTypeCode>().Except(["INSP"]).ToArray(), Any,
            "It moves the container on and off its trains, ferries and trucks; inspection is customs'."),
        new(ShipmentRole.TerminalOperator, EventType.EQUIPMENT, ["GTIN", "GTOT", "LOAD", "DISC", "STUF", "STRP", "PICK", "DROP"], Any,
            "A port, rail terminal or dry port gates containers in and out and loads, discharges, stuffs and strips them."),
        new(ShipmentRole.CustomsAuthority, EventType.SHIPMENT, ["HOLD", "RELS"], Actual,
            "Only customs holds and releases goods."),
        new(ShipmentRole.CustomsAuthority, EventType.EQUIPMENT, ["INSP", "RSEA"], Actual,
            "Customs inspects a container and reseals it with its own seal afterwards."),
        new(ShipmentRole.Forwarder, EventType.SHIPMENT, AllShipmentCodes.Except(["HOLD", "RELS"]).ToArray(), Actual,
            "The forwarder runs the paperwork: booking, instructions, transport documents; not customs' hold and release."),
        new(ShipmentRole.Shipper, EventType.SHIPMENT, ["DRFT", "SUBM", "REQS", "APPR", "REJE", "CONF"], Actual,
            "A shipper drafts and submits its instructions and requests, approves or rejects drafts, confirms."),
        new(ShipmentRole.Shipper, EventType.EQUIPMENT, ["STUF"], Actual,
            "A shipper that loads at its own premises stuffs the container."),
        new(ShipmentRole.Consignee, EventType.SHIPMENT, ["RECE", "SURR", "CMPL"], Actual,
            "A consignee acknowledges documents it receives, surrenders the transport document, completes delivery."),
        new(ShipmentRole.Consignee, EventType.EQUIPMENT, ["STRP"], Actual,
            "A consignee that unloads at its own premises strips the container."),
        new(null, EventType.TRANSPORT, Enum.GetNames<TransportEventTypeCode>(), [EventClassifierCode.EST, EventClassifierCode.ACT],
            "The platform writes actual arrivals and departures from tracker positions and terminal geofences, and estimates from its ETA."),
        new(null, EventType.EQUIPMENT, ["GTIN", "GTOT"], [EventClassifierCode.EST, EventClassifierCode.ACT],
            "A tracker entering or leaving a terminal geofence is a gate in or gate out."),
    ];

    /// <summary>May a party in <paramref name="role"/> write <paramref name="shipmentEvent"/>?</summary>
    public static EventWriteDecision Check(ShipmentRole role, ShipmentEvent shipmentEvent)
    {
        ArgumentNullException.ThrowIfNull(shipmentEvent);
        return Decide(role, shipmentEvent.EventType, shipmentEvent.TypeCode, shipmentEvent.EventClassifierCode);
    }

    /// <summary>May a party in <paramref name="role"/> write an event of this family, type code and classifier?</summary>
    public static EventWriteDecision Check(ShipmentRole role, EventType eventType, string typeCode, EventClassifierCode classifier) =>
        Decide(role, eventType, typeCode, classifier);

    /// <summary>
    /// Whether a party in <paramref name="role"/> may write <paramref name="shipmentEvent"/>: <see cref="Check(ShipmentRole, ShipmentEvent)"/>
    /// without the reason, for the append path, which needs a refusal's words only when every role of the author refuses.
    /// </summary>
    public static bool Allows(ShipmentRole role, ShipmentEvent shipmentEvent)
    {
        ArgumentNullException.ThrowIfNull(shipmentEvent);
        return AnyRowAllows(role, shipmentEvent.EventType, shipmentEvent.TypeCode, shipmentEvent.EventClassifierCode);
    }

    /// <summary>May the platform write <paramref name="shipmentEvent"/> as an automatic event?</summary>
    public static EventWriteDecision CheckPlatform(ShipmentEvent shipmentEvent)
    {
        ArgumentNullException.ThrowIfNull(shipmentEvent);
        return Decide(null, shipmentEvent.EventType, shipmentEvent.TypeCode, shipmentEvent.EventClassifierCode);
    }

    /// <summary>The writer's name as the reasons and docs write it: "carrier", "customs authority", "the platform".</summary>
    public static string NameOf(ShipmentRole? role) => role switch
    {
        null => "the platform",
        ShipmentRole.TerminalOperator => "terminal operator",
        ShipmentRole.CustomsAuthority => "customs authority",
        _ => role.Value.ToString().ToLowerInvariant(),
    };

    private static EventWriteDecision Decide(ShipmentRole? role, EventType eventType, string typeCode, EventClassifierCode classifier)
    {
        ArgumentNullException.ThrowIfNull(typeCode);
        if (AnyRowAllows(role, eventType, typeCode, classifier))
        {
            return EventWriteDecision.Allow;
        }

        var writer = role is null ? "the platform" : $"a {NameOf(role)}";
        var own = Table.Where(r => r.Role == role).Select(r => $"{r.EventType} {string.Join("/", r.TypeCodes)} ({string.Join("/", r.Classifiers)})");
        return new EventWriteDecision(
            false,
            $"{writer} may not write {eventType} {typeCode} {classifier} events; {writer} writes {string.Join("; ", own)}");
    }

    private static bool AnyRowAllows(ShipmentRole? role, EventType eventType, string typeCode, EventClassifierCode classifier)
    {
        foreach (var rule in Table)
        {
            if (rule.Allows(role, eventType, typeCode, classifier))
            {
                return true;
            }
        }

        return false;
    }
}
