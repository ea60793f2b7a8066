using Caravan.Core.Events;
using Caravan.Server.Demo;

namespace Caravan.Server.Tests.Demo;

/// <summary>A demo shipment's events read back with <see cref="ShipmentEventJson"/>, for asserting on their fields.</summary>
public static class DemoEvents
{
    public static IReadOnlyList<(DemoSignedEvent Signed, ShipmentEvent Event)> Read(DemoShipment shipment) =>
        shipment.Events.Select(e =>
        {
            var parsed = ShipmentEventJson.TryParse(e.EventJson);
            Assert.True(parsed.Succeeded, string.Join("; ", parsed.Problems));
            return (e, parsed.Event!);
        }).ToList();

    public static bool Is(this ShipmentEvent e, string code, EventClassifierCode classifier, string? place = null) =>
        e.TypeCode == code && e.EventClassifierCode == classifier
        && (place is null || e.EventLocation?.Value == place || e.TransportCall?.UNLocationCode.Value == place);
}
