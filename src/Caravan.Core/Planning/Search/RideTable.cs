using Caravan.Core.Network;

namespace Caravan.Core.Planning.Search;

/// <summary>
/// The network's boarding points and service stops laid out for scanning rides: what the search reads for one
/// boarding (its service, stop, departure, cut-off, timetable and last stop) side by side in one record, and each
/// stop's terminal and arrival in one integer, instead of in a dozen arrays indexed by service and stop.
/// </summary>
internal sealed class RideTable
{
    private readonly int[] _departureMinuteOfWeek;

    public RideTable(CorridorNetwork network)
    {
        _departureMinuteOfWeek = network.DepartureMinuteOfWeek;
        Boardings = new BoardingPoint[network.BoardService.Length];
        for (var b = 0; b < Boardings.Length; b++)
        {
            var s = network.BoardService[b];
            var p = network.BoardStop[b];
            Boardings[b] = new BoardingPoint(
                s,
                p,
                network.StopDepartureMinutes[p],
                network.ServiceCutoffMinutes[s] - network.StopDepartureMinutes[p],
                network.ServiceDepartureStart[s],
                network.ServiceDepartureStart[s + 1],
                network.ServiceStopStart[s + 1],
                network.ServiceMode[s]);
        }

        StopArrivals = new long[network.StopTerminal.Length];
        for (var q = 0; q < StopArrivals.Length; q++)
        {
            StopArrivals[q] = ((long)network.StopArrivalMinutes[q] << 32) | (uint)network.StopTerminal[q];
        }
    }

    /// <summary>Indexed as the network's boarding points (<c>BoardStart</c> ranges).</summary>
    public BoardingPoint[] Boardings { get; }

    /// <summary>Per absolute stop: minutes after the trip's start it arrives there (high half) and its terminal (low half).</summary>
    public long[] StopArrivals { get; }

    public static int Terminal(long stopArrival) => (int)(uint)stopArrival;

    public static int Arrival(long stopArrival) => (int)(stopArrival >> 32);

    /// <summary>
    /// The start of the first trip of the boarding's service that leaves its stop no earlier than the cut-off allows
    /// for a container ready at <paramref name="ready"/>: <c>CorridorNetwork.NextTripStart</c> over this layout.
    /// </summary>
    public int NextTripStart(in BoardingPoint point, int ready) =>
        CorridorNetwork.FirstTripStartFrom(
            _departureMinuteOfWeek.AsSpan(point.DeparturesStart, point.DeparturesEnd - point.DeparturesStart),
            ready + point.CatchOffset);
}

/// <summary>
/// One boarding point: the service and absolute stop, the stop's departure (minutes after the trip's start), what
/// turns a ready time into the earliest trip start that can still be caught (cut-off minus departure), the service's
/// weekly departures and the index after its last stop.
/// </summary>
internal readonly record struct BoardingPoint(
    int Service, int Stop, int Departure, int CatchOffset, int DeparturesStart, int DeparturesEnd, int StopsEnd, TransportMode Mode);
