namespace Caravan.Core.Tests.Network;

/// <summary>
/// A rail service of a <see cref="RandomLineNetwork"/>: it runs from terminal <see cref="From"/> to terminal
/// <see cref="To"/> along the line, taking <see cref="LegHours"/> between stops and waiting <see cref="DwellHours"/>
/// at each intermediate stop, on distinct weekly departures.
/// </summary>
internal sealed record RandomService(
    int From,
    int To,
    IReadOnlyList<int> LegHours,
    IReadOnlyList<int> DwellHours,
    IReadOnlyList<(int Weekday, int Hour, int Minute)> Departures)
{
    public int StopCount => To - From + 1;
}
