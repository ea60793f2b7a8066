using System.Diagnostics;
using Caravan.Core.Planning;

namespace Caravan.Benchmarks.Latency;

/// <summary>
/// A planner's landmark bounds computed ahead of the timed queries (otherwise the first earliest-arrival query would
/// pay for them), with what they cost: seconds, bytes of distance tables, how many landmarks (zeros when the planner
/// has none) and bytes allocated on the way (the time graph built for them).
/// </summary>
internal sealed record PreparedLandmarks(double Seconds, long TableBytes, int Count, long AllocatedBytes)
{
    public static PreparedLandmarks Of(RoutePlanner planner)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var landmarks = planner.LowerBounds.Landmarks;
        var seconds = watch.Elapsed.TotalSeconds;
        return new PreparedLandmarks(seconds, landmarks?.TableBytes ?? 0, landmarks?.Count ?? 0, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }
}
