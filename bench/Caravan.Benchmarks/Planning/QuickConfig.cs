using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Caravan.Benchmarks.Planning;

/// <summary>
/// A short BenchmarkDotNet job (one launch, two warm-ups, five measured iterations) with median and 95th
/// percentile columns, so the planner suite runs in minutes on a shared machine.
/// </summary>
public sealed class QuickConfig : ManualConfig
{
    public QuickConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithId("Quick"));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95);
    }
}
