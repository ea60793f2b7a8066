namespace Caravan.Benchmarks.Latency;

/// <summary>One Pareto query as the runner saw it: its cost, or null fields when it outlasted the timeout.</summary>
public sealed record ParetoSample(int Query, double Ms, int? Labels, int? Settled, long? AllocatedBytes, int? Itineraries, long? WorkingSet)
{
    public bool TimedOut => double.IsPositiveInfinity(Ms);
}
