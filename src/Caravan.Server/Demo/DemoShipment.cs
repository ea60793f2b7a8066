using Caravan.Core.Shipments;

namespace Caravan.Server.Demo;

/// <summary>A demo shipment as booked, the stage it stands at, and its signed event history in recording order.</summary>
/// <param name="Shipment">The shipment to store: parties in their roles, consignment, container and planned itinerary.</param>
/// <param name="Stage">Where it stands when the demo is seeded.</param>
/// <param name="Events">Its events, oldest first: actual ones up to now, then a few planned or estimated ones.</param>
public sealed record DemoShipment(Shipment Shipment, DemoStage Stage, IReadOnlyList<DemoSignedEvent> Events);
