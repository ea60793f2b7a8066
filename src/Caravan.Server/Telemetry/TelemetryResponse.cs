using Caravan.Core.Telemetry;

namespace Caravan.Server.Telemetry;

/// <summary>
/// The answer to a telemetry post, sent once the accepted readings are durable: how many were stored, how many
/// repeated a stored (device, time), how many were rejected, and each problem by <c>$[i].field</c>.
/// </summary>
public sealed record TelemetryResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<TelemetryProblem> Problems);
