namespace Caravan.Cli.Simulation;

/// <summary>One simulated shipment in the summary: its id, container, device, lane, corridor and what its tracker is.</summary>
public sealed record SimulatedShipmentSummary(
    string Shipment,
    string Container,
    string Device,
    string From,
    string To,
    string Corridor,
    bool Reefer,
    DateTimeOffset Departure,
    DateTimeOffset Arrival,
    DateTimeOffset PlannedArrival)
{
    public static SimulatedShipmentSummary Of(SimulatedShipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var journey = shipment.Tracker.Journey;
        return new(
            shipment.ShipmentId, shipment.Container, shipment.Tracker.Device.Value, shipment.From, shipment.To, shipment.Corridor,
            shipment.Tracker.Profile.Reefer, journey.Departure, journey.Arrival, journey.PlannedArrival);
    }
}
