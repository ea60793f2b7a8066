using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Caravan.Core.Events;
using Caravan.Core.Network;
using Caravan.Core.Shipments;

namespace Caravan.Core.Telemetry;

/// <summary>
/// The events the platform writes for what trackers show (docs/record.md "Events the platform writes"), as RFC 8785
/// canonical JSON ready to sign. An arrival is an ACT TRANSPORT ARRI at the stop, a departure an ACT TRANSPORT DEPA;
/// at a terminal with a gate (not a border crossing point or a junction), a container arriving or leaving by rail or
/// road at the end of a leg is also gated in (EQUIPMENT GTIN) or out (GTOT). A departure by ferry is boarding it and
/// an arrival by ferry is leaving it: TRANSPORT events with mode VESSEL, no gate event (loading and discharge are the
/// ferry line's). An estimate is an EST TRANSPORT ARRI. Event ids are derived from what the event is about (shipment,
/// stop, visit, code, container), so an observation written twice — after a restart, or by two trackers of one
/// shipment — has the same id and the record keeps it once.
/// </summary>
public static class ProgressEvents
{
    /// <summary>The events for <paramref name="observation"/> of <paramref name="container"/> on shipment <paramref name="shipment"/>.</summary>
    public static IReadOnlyList<byte[]> For(ProgressObservation observation, ShipmentId shipment, ContainerNumber container, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var stop = observation.Stop;
        var arrival = observation.Kind == ProgressObservationKind.Arrival;
        var code = arrival ? "ARRI" : "DEPA";
        var events = new List<byte[]>(2)
        {
            Transport(
                Id(shipment, $"{stop.Index}|{observation.Visit}|{code}"), shipment, code, EventClassifierCode.ACT, observation.Time, createdAt, stop, observation.Mode),
        };
        if (HasGate(stop) && observation.Mode is TransportMode.Rail or TransportMode.Road)
        {
            var gate = arrival ? "GTIN" : "GTOT";
            var json = Common(Id(shipment, $"{stop.Index}|{observation.Visit}|{gate}|{container}"), shipment, EventType.EQUIPMENT, EventClassifierCode.ACT, observation.Time, createdAt);
            json["equipmentEventTypeCode"] = gate;
            json["equipmentReference"] = container.Value;
            json["emptyIndicatorCode"] = nameof(EmptyIndicatorCode.LADEN);
            json["eventLocation"] = new JsonObject { ["UNLocationCode"] = stop.Terminal.Locode.Value };
            json["transportCall"] = Call(shipment, stop, observation.Mode);
            events.Add(Canonical(json));
        }

        return events;
    }

    /// <summary>
    /// An EST TRANSPORT ARRI at <paramref name="stop"/> expected at <paramref name="expected"/> (the estimate's P50);
    /// its id is derived from the stop and the expected minute, so the same estimate written twice is one event.
    /// </summary>
    public static byte[] Estimate(ShipmentId shipment, ProgressStop stop, DateTimeOffset expected, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var minute = expected.ToUnixTimeSeconds() / 60;
        return Transport(
            Id(shipment, $"{stop.Index}|EST|{minute.ToString(CultureInfo.InvariantCulture)}"),
            shipment,
            "ARRI",
            EventClassifierCode.EST,
            expected,
            createdAt,
            stop,
            stop.ArrivingBy ?? TransportMode.Rail);
    }

    /// <summary>The DCSA mode of transport of a Caravan mode: a ferry is a VESSEL, a road leg a TRUCK.</summary>
    public static ModeOfTransport ModeOf(TransportMode mode) => mode switch
    {
        TransportMode.Rail => ModeOfTransport.RAIL,
        TransportMode.Road => ModeOfTransport.TRUCK,
        _ => ModeOfTransport.VESSEL,
    };

    /// <summary>The DCSA facility type of a terminal kind: border crossing BOCR, ports POTE, the rest inland terminals INTE.</summary>
    public static FacilityTypeCode FacilityOf(TerminalKind kind) => kind switch
    {
        TerminalKind.BorderCrossing => FacilityTypeCode.BOCR,
        TerminalKind.Seaport or TerminalKind.FerryPort => FacilityTypeCode.POTE,
        _ => FacilityTypeCode.INTE,
    };

    private static bool HasGate(ProgressStop stop) =>
        !stop.WithinLeg && stop.Terminal.Kind is not (TerminalKind.BorderCrossing or TerminalKind.Junction);

    private static byte[] Transport(
        Guid id, ShipmentId shipment, string code, EventClassifierCode classifier, DateTimeOffset time, DateTimeOffset createdAt, ProgressStop stop, TransportMode mode)
    {
        var json = Common(id, shipment, EventType.TRANSPORT, classifier, time, createdAt);
        json["transportEventTypeCode"] = code;
        json["transportCall"] = Call(shipment, stop, mode);
        return Canonical(json);
    }

    private static JsonObject Common(Guid id, ShipmentId shipment, EventType type, EventClassifierCode classifier, DateTimeOffset time, DateTimeOffset createdAt) => new()
    {
        ["eventID"] = id.ToString("D"),
        ["eventType"] = type.ToString(),
        ["eventClassifierCode"] = classifier.ToString(),
        ["eventDateTime"] = Text(time),
        ["eventCreatedDateTime"] = Text(createdAt),
        ["shipmentID"] = shipment.Value,
    };

    private static JsonObject Call(ShipmentId shipment, ProgressStop stop, TransportMode mode) => new()
    {
        ["modeOfTransport"] = ModeOf(mode).ToString(),
        ["UNLocationCode"] = stop.Terminal.Locode.Value,
        ["facilityTypeCode"] = FacilityOf(stop.Terminal.Kind).ToString(),
        ["transportCallReference"] = $"{shipment.Value}/{stop.Index.ToString(CultureInfo.InvariantCulture)}/{stop.Terminal.Locode.Value}",
    };

    /// <summary>A name-based UUID (version 8, RFC 9562 §5.8) from SHA-256 of the shipment and what the event is about.</summary>
    private static Guid Id(ShipmentId shipment, string about)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"caravan-progress|{shipment.Value}|{about}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static byte[] Canonical(JsonObject json) => CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static string Text(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
