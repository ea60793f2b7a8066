namespace Caravan.Core.Planning.Search;

/// <summary>
/// A partial itinerary ending at a terminal: its criteria and how it got there. Labels live in one array and
/// refer to their parents by index, so a search allocates a few large arrays rather than many small objects.
/// </summary>
internal struct Label
{
    public int Terminal;
    public int Time;
    public double Cost;
    public double Co2e;
    public int Parent;
    public int FirstDeparture;

    /// <summary>Arc index for a continuous move; service index for a ride; -1 at the origin.</summary>
    public int Via;

    /// <summary>For a ride: absolute stop indices boarded and alighted, and the trip's start time.</summary>
    public int BoardStop;
    public int AlightStop;
    public int TripStart;

    /// <summary>When this move began (after any handling and dwell).</summary>
    public int MoveStart;
    public byte Context;
    public byte Transfers;
    public MoveKind Kind;
    public bool Dominated;
    public bool Transferred;
}
