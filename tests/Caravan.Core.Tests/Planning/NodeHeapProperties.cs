using Caravan.Core.Planning.Search;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Planning;

/// <summary>The time lower bound's heap: whatever is pushed comes out by distance, then terminal.</summary>
public sealed class NodeHeapProperties
{
    [Property(MaxTest = 300)]
    public Property Pops_every_pushed_pair_in_order_of_distance_then_terminal() =>
        Prop.ForAll(
            Gen.Choose(0, 5_000).Zip(Gen.Choose(0, 100_000)).ArrayOf().ToArbitrary(),
            pairs =>
            {
                var heap = new NodeHeap();
                foreach (var (node, distance) in pairs)
                {
                    heap.Push(distance, node);
                }

                var popped = new List<(int Distance, int Node)>();
                while (heap.TryPop(out var node, out var distance))
                {
                    popped.Add((distance, node));
                }

                Assert.Equal(pairs.Select(p => (p.Item2, p.Item1)).Order(), popped);
                Assert.Equal(0, heap.Count);
            });

    [Fact]
    public void Pushes_after_pops_keep_the_order()
    {
        var heap = new NodeHeap();
        heap.Push(30, 3);
        heap.Push(10, 1);
        Assert.True(heap.TryPop(out var first, out var firstDistance));
        heap.Push(20, 2);
        heap.Push(5, 7);
        var rest = new List<(int, int)>();
        while (heap.TryPop(out var node, out var distance))
        {
            rest.Add((distance, node));
        }

        Assert.Equal((10, 1), (firstDistance, first));
        Assert.Equal([(5, 7), (20, 2), (30, 3)], rest);
    }
}
