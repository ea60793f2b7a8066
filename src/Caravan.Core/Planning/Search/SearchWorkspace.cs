using Caravan.Core.Network;

namespace Caravan.Core.Planning.Search;

/// <summary>The memory one search needs, sized to a network and reused between searches.</summary>
internal sealed class SearchWorkspace
{
    public SearchWorkspace(CorridorNetwork network, RideTable rides, ContinuousArrivalSlots slots)
    {
        Rides = rides;
        _slots = slots;
        var terminalCount = network.Terminals.Count;
        var serviceCount = network.Services.Count;
        DwellP50Minutes = network.DwellP50Minutes;
        _transferLeftAt = new int[terminalCount];
        Array.Fill(_transferLeftAt, int.MaxValue);
        Boarded = new BoardedTrip[serviceCount];
        Array.Fill(Boarded, new BoardedTrip { TripStart = int.MaxValue });
        Bags = new BagEntry[terminalCount][];
        BagCount = new int[terminalCount];
        _earliestRideCover = new int[terminalCount];
        Array.Fill(_earliestRideCover, int.MaxValue);
        _arcSlot = slots.ArcSlot;
        _earliestOnContinuousRun = new int[slots.Count];
        Array.Fill(_earliestOnContinuousRun, int.MaxValue);
        BoundMinutes = new int[terminalCount];
        BoundCost = new double[terminalCount];
        BoundCo2e = new double[terminalCount];
        BoundSettled = new bool[terminalCount];
        TransferDepartures = new TransferDepartures(terminalCount);
    }

    /// <summary>The network's median dwell per terminal, for the search's estimates.</summary>
    public int[] DwellP50Minutes { get; }

    /// <summary>
    /// For earliest-arrival searches: per terminal, the earliest time a label expanded there (one that had left the
    /// origin) could leave it with a transfer (<see cref="int.MaxValue"/> when none).
    /// </summary>
    private readonly int[] _transferLeftAt;

    /// <summary>
    /// True when a label already expanded at <paramref name="terminal"/> could leave it with a transfer no later than
    /// <paramref name="ready"/>; otherwise records <paramref name="ready"/>. Everything a transfer leads to — every
    /// ride, every continuous run of another kind than the one a label arrived on — depends only on when the
    /// container is ready to leave, so such a label reaches nothing earlier that way: only staying on its own
    /// continuous run (no handling) can still gain.
    /// </summary>
    public bool TransferAlreadyLeft(int terminal, int ready)
    {
        ref var earliest = ref _transferLeftAt[terminal];
        if (earliest <= ready)
        {
            return true;
        }

        earliest = ready;
        return false;
    }

    /// <summary>For multi-criteria searches, what <see cref="TransferAlreadyLeft"/> is for an earliest-arrival search.</summary>
    public TransferDepartures TransferDepartures { get; }

    public Label[] Labels { get; set; } = new Label[1024];

    public int LabelCount { get; set; }

    /// <summary>
    /// Each terminal's bag: the labels there that no other label of the bag dominates, in the first
    /// <see cref="BagCount"/> slots. Arrays are allocated on first use and kept for the next search.
    /// </summary>
    public BagEntry[]?[] Bags { get; }

    public int[] BagCount { get; }

    /// <summary>
    /// Per terminal, the earliest arrival of a label added there that has left the origin (<see cref="int.MaxValue"/>
    /// when none): any such label covers one arriving off a service.
    /// </summary>
    private readonly int[] _earliestRideCover;

    private readonly ContinuousArrivalSlots _slots;

    private readonly int[] _arcSlot;

    /// <summary>
    /// Per terminal and continuous arrival context (a slot of <see cref="ContinuousArrivalSlots"/>), the earliest
    /// arrival of a label added there in that context. Only the pairs some arc produces have a slot, which keeps the
    /// table small enough to stay in cache: it is read for every arc tried.
    /// </summary>
    private readonly int[] _earliestOnContinuousRun;

    /// <summary>
    /// The earliest arrival at arc <paramref name="arc"/>'s head of a label added since the last reset in a context
    /// that covers arriving over the arc (the arc's own: nothing else covers a continuous run). In an
    /// earliest-arrival search a label arriving no earlier is dominated, which this answers without scanning the bag.
    /// Labels dropped from a bag were dropped for an earlier one, so the minimum stays right.
    /// </summary>
    public int EarliestOverArc(int arc) => _earliestOnContinuousRun[_arcSlot[arc]];

    /// <summary>
    /// The earliest arrival at <paramref name="terminal"/> of a label added since the last reset that covers arriving
    /// off a service (any that has left the origin); see <see cref="EarliestOverArc"/>.
    /// </summary>
    public int EarliestOffService(int terminal) => _earliestRideCover[terminal];

    /// <summary>Records a label added at its terminal for <see cref="EarliestOverArc"/> and <see cref="EarliestOffService"/>.</summary>
    public void RecordArrival(in Label label)
    {
        if (label.Kind == MoveKind.Origin)
        {
            return;
        }

        ref var offService = ref _earliestRideCover[label.Terminal];
        offService = Math.Min(offService, label.Time);
        if (label.Kind == MoveKind.Continuous)
        {
            ref var onRun = ref _earliestOnContinuousRun[_arcSlot[label.Via]];
            onRun = Math.Min(onRun, label.Time);
        }
    }

    /// <summary>Terminals whose bag has held a label since the last reset.</summary>
    public List<int> TouchedBags { get; } = [];

    /// <summary>The network's rides laid out for scanning.</summary>
    public RideTable Rides { get; }

    /// <summary>
    /// For earliest-arrival searches: per service, a trip boarded (<see cref="BoardedTrip.TripStart"/> is
    /// <see cref="int.MaxValue"/> when none), so no later trip is scanned again from that stop or downstream.
    /// </summary>
    public BoardedTrip[] Boarded { get; }

    private List<int> BoardedServices { get; } = [];

    public void MarkBoarded(int service, int tripStart, int stop, int stretch)
    {
        ref var boarded = ref Boarded[service];
        if (boarded.TripStart == int.MaxValue)
        {
            BoardedServices.Add(service);
        }

        boarded.TripStart = tripStart;
        boarded.Stop = stop;
        boarded.Stretch = stretch;
    }

    /// <summary>
    /// For multi-criteria searches: per trip boarded (service and start time), the boardings no other boarding of
    /// that trip dominates, with cost and CO2e taken back to the service's first stop so boardings at different stops
    /// compare. A boarding at or downstream of another, no cheaper and no cleaner, arrives everywhere no better.
    /// </summary>
    public TripBoardingTable TripBoardings { get; } = new();

    public int Settled { get; set; }

    /// <summary>The labels at the destination that no other destination label dominates.</summary>
    public List<BagEntry> DestinationFront { get; } = [];

    /// <summary>Indices of the labels in <see cref="DestinationFront"/>.</summary>
    public IEnumerable<int> DestinationLabels => DestinationFront.Select(e => e.Label);

    public LabelQueue Queue { get; } = new();

    /// <summary>Least minutes still to go from each terminal (<see cref="LowerBoundGraph.Unreachable"/> when the destination cannot be reached).</summary>
    public int[] BoundMinutes { get; }

    /// <summary>
    /// The landmark bounds of the current query's destination, or null when the search uses none and
    /// <see cref="BoundMinutes"/> holds its per-query time bound instead.
    /// </summary>
    public LandmarkBounds? Landmarks { get; private set; }

    private int _landmarkDestination = -1;
    private int[] _landmarkTo = [];
    private int[] _landmarkFrom = [];

    /// <summary>Per terminal, its yard's landmark bound (then, from the terminal count on, its yard's after a ride); -1 when not yet worked out.</summary>
    private int[] _landmarkMinutes = [];

    /// <summary>Uses <paramref name="landmarks"/> (or none) for a search towards <paramref name="destination"/>; bounds already worked out for it are kept.</summary>
    public void UseLandmarks(LandmarkBounds? landmarks, int destination)
    {
        if (landmarks is null)
        {
            Landmarks = null;
            return;
        }

        if (!ReferenceEquals(landmarks, Landmarks) || destination != _landmarkDestination)
        {
            if (_landmarkTo.Length != landmarks.Count)
            {
                _landmarkTo = new int[landmarks.Count];
                _landmarkFrom = new int[landmarks.Count];
            }

            if (_landmarkMinutes.Length != 2 * DwellP50Minutes.Length)
            {
                _landmarkMinutes = new int[2 * DwellP50Minutes.Length];
            }

            landmarks.Prepare(destination, _landmarkTo, _landmarkFrom);
            Array.Fill(_landmarkMinutes, -1);
            Landmarks = landmarks;
            _landmarkDestination = destination;
        }
    }

    /// <summary>The landmark bound from <paramref name="terminal"/>'s yard, or its yard after a ride (see <see cref="LandmarkBounds.Minutes"/>).</summary>
    public int LandmarkMinutes(int terminal, bool afterRide)
    {
        ref var known = ref _landmarkMinutes[afterRide ? DwellP50Minutes.Length + terminal : terminal];
        if (known < 0)
        {
            known = Landmarks!.Minutes(terminal, afterRide, _landmarkTo, _landmarkFrom);
        }

        return known;
    }

    public double[] BoundCost { get; }

    public double[] BoundCo2e { get; }

    /// <summary>Scratch for the lower-bound Dijkstra.</summary>
    public bool[] BoundSettled { get; }

    public PriorityQueue<int, double> BoundQueue { get; } = new();

    /// <summary>Scratch for the time lower bound's Dijkstra.</summary>
    public NodeHeap BoundHeap { get; } = new();

    /// <summary>The destination the bounds were computed for, or -1: bounds depend on nothing else, so they are reused.</summary>
    public int BoundsDestination { get; set; } = -1;

    /// <summary>The origin the bounds were computed for: they are exact only near the path between the two.</summary>
    public int BoundsOrigin { get; set; } = -1;

    /// <summary>Whether cost and CO2e bounds were computed along with the time bounds.</summary>
    public bool BoundsIncludeCostAndCo2e { get; set; }

    public void Reset()
    {
        foreach (var bag in TouchedBags)
        {
            BagCount[bag] = 0;
            _earliestRideCover[bag] = int.MaxValue;
            _transferLeftAt[bag] = int.MaxValue;
            Array.Fill(_earliestOnContinuousRun, int.MaxValue, _slots.TerminalStart[bag], _slots.TerminalStart[bag + 1] - _slots.TerminalStart[bag]);
        }

        TouchedBags.Clear();
        foreach (var service in BoardedServices)
        {
            Boarded[service].TripStart = int.MaxValue;
        }

        BoardedServices.Clear();
        TripBoardings.Clear();
        TransferDepartures.Clear();
        DestinationFront.Clear();
        Queue.Clear();
        LabelCount = 0;
    }

    /// <summary>Appends <paramref name="entry"/> to terminal <paramref name="terminal"/>'s bag.</summary>
    public void AddToBag(int terminal, in BagEntry entry)
    {
        var count = BagCount[terminal];
        var bag = PerTerminalArray.RoomForOneMore(ref Bags[terminal], count);
        if (count == 0)
        {
            TouchedBags.Add(terminal);
        }

        bag[count] = entry;
        BagCount[terminal] = count + 1;
    }

    public int Add(in Label label)
    {
        if (LabelCount == Labels.Length)
        {
            var bigger = new Label[Labels.Length * 2];
            Array.Copy(Labels, bigger, LabelCount);
            Labels = bigger;
        }

        Labels[LabelCount] = label;
        return LabelCount++;
    }
}

/// <summary>
/// One boarding of a trip: the stop boarded (absolute stop index), the cost and CO2e the label would have had
/// boarding at the service's first stop, which makes boardings at different stops of the trip comparable, and the
/// stretch of the service it is in (how many avoided stops lie before it: a ride never passes one).
/// </summary>
internal readonly record struct TripBoarding(int Stop, double Cost, double Co2e, byte Transfers, int Stretch)
{
    /// <summary>True when this boarding, at or upstream of <paramref name="other"/>'s stop, arrives everywhere no worse.</summary>
    public bool Covers(in TripBoarding other, bool compareTransfers) =>
        Stop <= other.Stop && IsNoWorseThan(other, compareTransfers);

    /// <summary>
    /// True when this boarding, downstream of <paramref name="other"/>'s stop with no avoided stop between, arrives
    /// everywhere beyond its own stop no worse than <paramref name="other"/>.
    /// </summary>
    public bool CoversBeyond(in TripBoarding other, bool compareTransfers) =>
        Stop > other.Stop && IsNoWorseThan(other, compareTransfers);

    private bool IsNoWorseThan(in TripBoarding other, bool compareTransfers) =>
        Stretch == other.Stretch && Cost <= other.Cost + 1e-9 && Co2e <= other.Co2e + 1e-9 && (!compareTransfers || Transfers <= other.Transfers);
}

/// <summary>
/// A trip of a service boarded in an earliest-arrival search: its start, the stop (absolute index) it was boarded
/// at, and how many of the service's stops up to that one a ride cannot reach (avoided).
/// </summary>
internal struct BoardedTrip
{
    public int TripStart;
    public int Stop;
    public int Stretch;
}
