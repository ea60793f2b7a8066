using Caravan.Core.Telemetry;

namespace Caravan.Core.Simulation;

/// <summary>Readings one virtual tracker has made since it last sent, in time order: what it sends in one message.</summary>
public sealed record FleetBatch(VirtualTracker Tracker, IReadOnlyList<TrackerReading> Readings);
