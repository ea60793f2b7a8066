using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Storage;

/// <summary>A registered device as stored, without its token: its id, the party that owns it, its kind and label.</summary>
public sealed record DeviceInfo(DeviceId Id, PartyId Owner, DeviceKind Kind, string? Label, DateTimeOffset CreatedAt);
