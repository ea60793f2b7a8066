namespace Caravan.Server.Telemetry;

/// <summary>A device's readings in a period, in time order; <see cref="Truncated"/> when the limit cut it short.</summary>
public sealed record TrackResponse(string Device, int Count, bool Truncated, IReadOnlyList<ReadingResponse> Readings);
