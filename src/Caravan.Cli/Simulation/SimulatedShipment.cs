using Caravan.Core.Simulation;

namespace Caravan.Cli.Simulation;

/// <summary>A shipment booked for the simulation, the virtual tracker on its container and that device's token.</summary>
public sealed record SimulatedShipment(string ShipmentId, string Container, string From, string To, string Corridor, VirtualTracker Tracker, string DeviceToken);
