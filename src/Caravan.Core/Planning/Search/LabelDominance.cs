using System.Runtime.CompilerServices;
using Caravan.Core.Network;

namespace Caravan.Core.Planning.Search;

/// <summary>
/// When one label makes another not worth keeping: it is at least as good on the request's criteria (within the
/// search's ε) and arrived in a context at least as free to move on.
/// </summary>
internal static class LabelDominance
{
    /// <summary>
    /// True when a label arriving in context <paramref name="a"/> can do everything one arriving in context
    /// <paramref name="b"/> can, at no greater cost: the same context, or any context that has left the origin over
    /// one that must transfer anyway. The origin label covers nothing else: a label that has already left the
    /// origin may board what the origin label cannot, because the departure window constrains only the first move.
    /// </summary>
    public static bool Covers(byte a, byte b) => a == b || (b == SearchContext.NeedsTransfer && a != SearchContext.Origin);

    /// <summary>
    /// True when <paramref name="a"/> is at least as good as <paramref name="b"/> on every selected criterion —
    /// within the request's relative tolerance — and, under a transfer limit and unless
    /// <paramref name="compareTransfers"/> is false, has made no more transfers.
    /// </summary>
    public static bool Dominates(SearchRequest request, in Label a, in Label b, bool compareTransfers = true) =>
        Dominates(request, a.Time, a.Cost, a.Co2e, a.Transfers, b.Time, b.Cost, b.Co2e, b.Transfers, compareTransfers);

    /// <inheritdoc cref="Dominates(SearchRequest, in Label, in Label, bool)"/>
    public static bool Dominates(SearchRequest request, in Label a, in BagEntry b, in RemainingBound rest) =>
        Dominates(request, a.Time, a.Cost, a.Co2e, a.Transfers, b.Time, b.Cost, b.Co2e, b.Transfers, true, rest);

    /// <inheritdoc cref="Dominates(SearchRequest, in Label, in Label, bool)"/>
    public static bool Dominates(SearchRequest request, in Label a, in BagEntry b, bool compareTransfers = true) =>
        Dominates(request, a.Time, a.Cost, a.Co2e, a.Transfers, b.Time, b.Cost, b.Co2e, b.Transfers, compareTransfers);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Dominates(
        SearchRequest request, int aTime, double aCost, double aCo2e, int aTransfers, int bTime, double bCost, double bCo2e, int bTransfers, bool compareTransfers,
        in RemainingBound rest = default) =>
        DominanceLimits.Of(request, bTime, bCost, bCo2e, bTransfers, compareTransfers, rest).AreMetBy(aTime, aCost, aCo2e, aTransfers);
}

/// <summary>
/// Lower bounds on what is still to come from a terminal to the destination. ε-dominance at that terminal is taken
/// relative to the whole estimated journey (partial plus remaining), not to the part travelled so far: near the
/// origin two partial itineraries an hour apart are then as alike as they will be at the end.
/// </summary>
internal readonly record struct RemainingBound(double Minutes, double Cost, double Co2e);
