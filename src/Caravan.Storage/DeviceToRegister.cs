using Caravan.Core.Telemetry;

namespace Caravan.Storage;

/// <summary>One device of a batch registration: its id, kind and optional label (its owner and time are the batch's).</summary>
public sealed record DeviceToRegister(DeviceId Id, DeviceKind Kind, string? Label);
