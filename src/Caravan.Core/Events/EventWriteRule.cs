using Caravan.Core.Shipments;

namespace Caravan.Core.Events;

/// <summary>
/// One row of the write-rule table: who may write events of one family with these type codes and classifiers.
/// <see cref="Role"/> is null for the platform, which writes automatic events and holds no role on a shipment.
/// </summary>
/// <param name="Role">The shipment role that may write, or null for the platform.</param>
/// <param name="EventType">The event family.</param>
/// <param name="TypeCodes">The type codes of that family the writer may use.</param>
/// <param name="Classifiers">PLN, EST and/or ACT.</param>
/// <param name="Why">One sentence of reason, shown in docs/record.md.</param>
public sealed record EventWriteRule(
    ShipmentRole? Role,
    EventType EventType,
    IReadOnlyList<string> TypeCodes,
    IReadOnlyList<EventClassifierCode> Classifiers,
    string Why)
{
    /// <summary>True when this row lets <paramref name="role"/> (null: the platform) write the event.</summary>
    public bool Allows(ShipmentRole? role, EventType eventType, string typeCode, EventClassifierCode classifier) =>
        Role == role && EventType == eventType && TypeCodes.Contains(typeCode) && Classifiers.Contains(classifier);
}
