using Caravan.Core.Telemetry;

namespace Caravan.Storage;

/// <summary>A run of one device's stored readings in time order, and the reading stored just before them (null: none).</summary>
public sealed record RetentionChunk(TrackerReading? Previous, IReadOnlyList<TrackerReading> Readings);
