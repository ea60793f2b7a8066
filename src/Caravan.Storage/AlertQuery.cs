using Caravan.Core.Alerts;
using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>
/// Which alerts to list for <see cref="Party"/>: only alerts of shipments it holds a role in, optionally narrowed by
/// state, shipment and kind, newest first, at most <see cref="Limit"/>, with ids below <see cref="Before"/> when given.
/// </summary>
public sealed record AlertQuery(PartyId Party, AlertState? State, ShipmentId? Shipment, AlertKind? Kind, long? Before, int Limit);
