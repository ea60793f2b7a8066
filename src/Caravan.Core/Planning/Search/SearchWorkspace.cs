namespace Caravan.Core.Planning.Search;

/// <summary>The memory one search needs, sized to a network and reused between searches.</summary>
internal sealed class SearchWorkspace
{
    public SearchWorkspace(int terminalCount)
    {
        BagHead = new int[terminalCount * Network.SearchContext.Count];
        Array.Fill(BagHead, -1);
        BoundMinutes = new double[terminalCount];
        BoundCost = new double[terminalCount];
        BoundCo2e = new double[terminalCount];
    }

    public Label[] Labels { get; set; } = new Label[1024];

    public int LabelCount { get; set; }

    /// <summary>First label of the bag of each (terminal, context) state, linked through <see cref="Label.NextInBag"/>.</summary>
    public int[] BagHead { get; }

    public List<int> TouchedBags { get; } = [];

    public int Settled { get; set; }

    public List<int> DestinationLabels { get; } = [];

    public PriorityQueue<int, LabelKey> Queue { get; } = new();

    public double[] BoundMinutes { get; }

    public double[] BoundCost { get; }

    public double[] BoundCo2e { get; }

    /// <summary>The destination the bounds were computed for, or -1: bounds depend on nothing else, so they are reused.</summary>
    public int BoundsDestination { get; set; } = -1;

    public void Reset()
    {
        foreach (var bag in TouchedBags)
        {
            BagHead[bag] = -1;
        }

        TouchedBags.Clear();
        DestinationLabels.Clear();
        Queue.Clear();
        LabelCount = 0;
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
