namespace Caravan.Core.Planning.Search;

/// <summary>
/// A label as its terminal's bag sees it: the criteria and arrival context it is compared on, and its index in
/// the label array. Bags hold these side by side (32 bytes each), so scanning a bag reads contiguous memory
/// instead of chasing labels through the array.
/// </summary>
internal struct BagEntry
{
    public int Time;
    public byte Context;
    public byte Transfers;
    public double Cost;
    public double Co2e;
    public int Label;

    public static BagEntry Of(in Label label, int index) => new()
    {
        Time = label.Time,
        Context = label.Context,
        Transfers = label.Transfers,
        Cost = label.Cost,
        Co2e = label.Co2e,
        Label = index,
    };
}
