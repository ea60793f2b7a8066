namespace Caravan.Core.Events;

/// <summary>Where a shipment stands, as <see cref="ShipmentStatus"/> reads it from the actual events of its chain.</summary>
public enum ShipmentState
{
    /// <summary>Booked; no actual movement of the container is recorded yet.</summary>
    Booked,

    /// <summary>The last actual movement was a departure, a gate-out or a pick-up: the container is on its way.</summary>
    InTransit,

    /// <summary>The last actual movement was an arrival or a handling at a place (gate-in, load, discharge, …).</summary>
    AtTerminal,

    /// <summary>Customs holds the goods: an actual HOLD without a later RELS.</summary>
    Held,

    /// <summary>Arrived at the place of delivery, or delivery completed (CMPL) or the container stripped there.</summary>
    Delivered,
}
