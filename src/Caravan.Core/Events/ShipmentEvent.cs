using Caravan.Core.Geography;
using Caravan.Core.Shipments;

namespace Caravan.Core.Events;

/// <summary>
/// One event in a shipment's record, in the flat DCSA T&amp;T v2.2 vocabulary plus Caravan's <c>shipmentID</c>
/// (binds the signed event to one shipment, so it cannot be replayed on another) and <c>correctsEventID</c>
/// (a correction is a new event naming the one it corrects; nothing is edited). Built only by
/// <see cref="ShipmentEventJson.TryParse(ReadOnlyMemory{byte})"/>, so it always holds a valid event together with
/// <see cref="CanonicalJson"/>, the exact bytes its author signs.
/// </summary>
public sealed class ShipmentEvent
{
    private readonly byte[] _canonicalJson;

    internal ShipmentEvent(byte[] canonicalJson) => _canonicalJson = canonicalJson;

    /// <summary>The event's id, chosen by the client; re-sending the same event is recognised by it.</summary>
    public Guid EventId { get; internal init; }

    /// <summary>The shipment the event belongs to.</summary>
    public string ShipmentId { get; internal init; } = string.Empty;

    /// <summary>The event this one corrects, or null.</summary>
    public Guid? CorrectsEventId { get; internal init; }

    public EventType EventType { get; internal init; }

    public EventClassifierCode EventClassifierCode { get; internal init; }

    /// <summary>When it happened (ACT) or is planned or expected to happen (PLN, EST), with the offset given.</summary>
    public DateTimeOffset EventDateTime { get; internal init; }

    /// <summary>When the author created the event record.</summary>
    public DateTimeOffset EventCreatedDateTime { get; internal init; }

    /// <summary>For SHIPMENT events.</summary>
    public ShipmentEventTypeCode? ShipmentEventTypeCode { get; internal init; }

    /// <summary>For SHIPMENT events.</summary>
    public DocumentTypeCode? DocumentTypeCode { get; internal init; }

    /// <summary>For SHIPMENT events: the document's reference, 1–100 characters.</summary>
    public string? DocumentId { get; internal init; }

    /// <summary>For TRANSPORT events.</summary>
    public TransportEventTypeCode? TransportEventTypeCode { get; internal init; }

    /// <summary>Required for TRANSPORT events, optional for EQUIPMENT events.</summary>
    public TransportCall? TransportCall { get; internal init; }

    /// <summary>For EQUIPMENT events.</summary>
    public EquipmentEventTypeCode? EquipmentEventTypeCode { get; internal init; }

    /// <summary>For EQUIPMENT events: the container, an ISO 6346 number with a valid check digit.</summary>
    public ContainerNumber? EquipmentReference { get; internal init; }

    /// <summary>For EQUIPMENT events.</summary>
    public EmptyIndicatorCode? EmptyIndicatorCode { get; internal init; }

    /// <summary>Where the event happened, or null.</summary>
    public Locode? EventLocation { get; internal init; }

    /// <summary>The carrier's booking reference, at most 35 characters, or null.</summary>
    public string? CarrierBookingReference { get; internal init; }

    /// <summary>The transport document's reference, at most 20 characters, or null.</summary>
    public string? TransportDocumentReference { get; internal init; }

    /// <summary>The type code of the event's family: a <c>shipmentEventTypeCode</c>, <c>transportEventTypeCode</c> or <c>equipmentEventTypeCode</c>, e.g. "HOLD", "ARRI", "LOAD".</summary>
    public string TypeCode => EventType switch
    {
        EventType.SHIPMENT => ShipmentEventTypeCode!.Value.ToString(),
        EventType.TRANSPORT => TransportEventTypeCode!.Value.ToString(),
        _ => EquipmentEventTypeCode!.Value.ToString(),
    };

    /// <summary>The event's RFC 8785 canonical JSON: the bytes the author signs and the chain stores.</summary>
    public ReadOnlyMemory<byte> CanonicalJson => _canonicalJson;

    public override string ToString() => $"{EventType} {TypeCode} {EventClassifierCode} {EventId}";
}
