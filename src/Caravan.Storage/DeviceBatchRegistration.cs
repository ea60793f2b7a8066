using Caravan.Core.Telemetry;

namespace Caravan.Storage;

/// <summary>
/// What a batch registration did: every device registered with its new token (<see cref="Issued"/>, in the order
/// given), or — when any id was already registered or given twice — nothing at all, and those ids in
/// <see cref="Taken"/>. A fleet is registered whole or not at all, so a retry never meets half of it.
/// </summary>
public sealed record DeviceBatchRegistration(IReadOnlyList<IssuedDevice> Issued, IReadOnlyList<DeviceId> Taken);
