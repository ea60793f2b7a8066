using Caravan.Benchmarks.Planning;

namespace Caravan.Benchmarks.Latency;

/// <summary>What one query cost with the static Dijkstra baseline and the earliest-arrival search.</summary>
public sealed record QueryMeasurement(
    PlanningQuery Query,
    double DijkstraMs,
    double EarliestMs,
    int EarliestLabels,
    int EarliestSettled,
    long EarliestAllocatedBytes);
