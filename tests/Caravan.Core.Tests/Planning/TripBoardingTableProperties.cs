using Caravan.Core.Planning.Search;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// The table of trip boardings answers as a dictionary of lists per trip does, across growth of the table, segments
/// moved when full, and clears between searches.
/// </summary>
public sealed class TripBoardingTableProperties
{
    [Property(MaxTest = 300)]
    public Property Answers_as_a_list_per_trip() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ArrayOf().ToArbitrary(),
            Gen.Choose(0, 400).ToArbitrary(),
            (draws, clearEvery) =>
            {
                var table = new TripBoardingTable();
                var model = new Dictionary<(int, int), List<TripBoarding>>();
                for (var i = 0; i < draws.Length * 8; i++)
                {
                    if (clearEvery > 0 && i % clearEvery == 0)
                    {
                        table.Clear();
                        model.Clear();
                    }

                    // Eight boardings per number drawn, each taken apart into the boarding's fields.
                    var draw = (int)((uint)(draws[i / 8] * ((2 * (i % 8)) + 1) * 2654435761u) >> 1);
                    var (service, tripStart, stop) = (draw % 3_001, draw / 3_001 % 2, draw / 6_002 % 6);
                    var (cost, transfers) = (draw / 36_012 % 12, draw / 432_144 % 3);

                    // Mostly six trips, so many boardings of one trip (cost against CO2e: many none covers), a few others.
                    var trip = (service % 64 == 0 ? service : service % 3, tripStart);
                    var boarding = new TripBoarding(stop, cost, 12 - cost + (stop % 2), (byte)transfers, stop / 4);
                    var compareTransfers = i % 3 == 0;
                    var expected = IsCovered(model, trip, boarding, compareTransfers, out var expectedBeyond);
                    Assert.Equal(expected, table.IsCovered(trip.Item1, trip.Item2, boarding, compareTransfers, out var coveredBeyond));
                    if (!expected)
                    {
                        Assert.Equal(expectedBeyond, coveredBeyond);
                    }
                }
            });

    [Fact]
    public void Keeps_every_trip_as_the_table_grows_and_after_a_clear()
    {
        var table = new TripBoardingTable();
        for (var round = 0; round < 2; round++)
        {
            for (var trip = 0; trip < 20_000; trip++)
            {
                Assert.False(table.IsCovered(trip / 10, trip % 10 * 60, new TripBoarding(3, 100, 10, 0, 0), compareTransfers: false, out _));
            }

            for (var trip = 0; trip < 20_000; trip++)
            {
                Assert.True(table.IsCovered(trip / 10, trip % 10 * 60, new TripBoarding(4, 100, 10, 0, 0), compareTransfers: false, out _));
                Assert.False(table.IsCovered(trip / 10, trip % 10 * 60, new TripBoarding(2, 101, 10, 0, 0), compareTransfers: false, out _));
            }

            table.Clear();
        }
    }

    private static bool IsCovered(Dictionary<(int, int), List<TripBoarding>> model, (int, int) trip, TripBoarding boarding, bool compareTransfers, out int coveredBeyond)
    {
        coveredBeyond = int.MaxValue;
        if (!model.TryGetValue(trip, out var list))
        {
            model[trip] = [boarding];
            return false;
        }

        if (list.Any(existing => existing.Covers(boarding, compareTransfers)))
        {
            return true;
        }

        // The first stop downstream where a boarding no dearer and no dirtier was made, with no avoided stop between.
        coveredBeyond = list
            .Where(e => e.Stop > boarding.Stop && e.Stretch == boarding.Stretch && e.Cost <= boarding.Cost && e.Co2e <= boarding.Co2e && (!compareTransfers || e.Transfers <= boarding.Transfers))
            .Select(e => e.Stop)
            .DefaultIfEmpty(int.MaxValue)
            .Min();

        list.RemoveAll(existing => boarding.Covers(existing, compareTransfers));
        list.Add(boarding);
        return false;
    }
}
