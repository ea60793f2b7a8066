using Caravan.Core.Events;

namespace Caravan.Storage;

/// <summary>An event whose author signature and write rights were checked, waiting to be sealed into its shipment's chain.</summary>
public sealed record EventToAppend(ShipmentEvent Event, string AuthorPartyId, string AuthorSignature);
