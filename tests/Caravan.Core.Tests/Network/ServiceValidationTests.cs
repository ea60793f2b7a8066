using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

/// <summary>
/// Problems in services.csv, service_stops.csv and timetable.csv. The block train Xi'an → Khorgos → Almaty is
/// services line 2, stops lines 2–4, timetable lines 2–3; the ferry Aktau → Baku is services line 3, stops lines
/// 5–6, timetable lines 4–5.
/// </summary>
public sealed class ServiceValidationTests
{
    private const string Services = NetworkFileNames.Services;
    private const string Stops = NetworkFileNames.ServiceStops;
    private const string Timetable = NetworkFileNames.Timetable;

    [Theory]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("-1")]
    public void A_weekday_outside_monday_to_sunday_is_reported(string weekday)
    {
        var result = TestNetworkFiles.Valid().SetField(Timetable, 3, "weekday", weekday).Load();

        LoadAssert.ReportsOnly(result, Timetable, 3, 2, "weekday");
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("08:60")]
    [InlineData("8.30")]
    [InlineData("0800")]
    [InlineData("08:00:00")]
    [InlineData("8am")]
    public void A_malformed_departure_time_is_reported(string time)
    {
        var result = TestNetworkFiles.Valid().SetField(Timetable, 3, "departure_time", time).Load();

        var problem = LoadAssert.ReportsOnly(result, Timetable, 3, 3, "departure_time");
        Assert.Contains(time, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_departure_time_without_a_leading_zero_is_accepted()
    {
        var result = TestNetworkFiles.Valid().SetField(Timetable, 3, "departure_time", "8:05").Load();

        LoadAssert.Loads(result);
        Assert.Contains(new WeeklyDeparture(5, new TimeOnly(8, 5)), result.Network!.Services[0].Departures);
    }

    [Theory]
    [InlineData("akt-bak-ferry,4,22:00")]
    [InlineData("akt-bak-ferry, 4 , 22:00 ")]
    [InlineData("xiy-ala-block,2,8:00")]
    public void A_duplicate_departure_is_reported_on_the_second_row(string departure)
    {
        var result = TestNetworkFiles.Valid().AppendLine(Timetable, departure).Load();

        LoadAssert.ReportsOnly(result, Timetable, 6, 3, "departure_time");
    }

    [Fact]
    public void A_departure_of_an_unknown_service_is_reported()
    {
        var result = TestNetworkFiles.Valid().AppendLine(Timetable, "akt-bak-feeder,3,10:00").Load();

        LoadAssert.ReportsOnly(result, Timetable, 6, 1, "service");
    }

    [Fact]
    public void A_duplicate_service_id_is_reported_on_the_second_row()
    {
        var result = TestNetworkFiles.Valid()
            .AppendLine(Services, "akt-bak-ferry,Aktau–Baku fast ferry,ASCO,ferry,middle,6,60,2600,price=E;capacity=E;schedule=E;times=E")
            .Load();

        var problem = LoadAssert.ReportsOnly(result, Services, 4, 1, "id");
        Assert.Contains("line 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_with_no_departures_is_reported_at_its_row()
    {
        var result = TestNetworkFiles.Valid().RemoveLine(Timetable, 5).RemoveLine(Timetable, 4).Load();

        var problem = LoadAssert.ReportsOnly(result, Services, 3, 1, "id");
        Assert.Contains("akt-bak-ferry", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_on_an_unknown_corridor_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Services, 2, "corridor", "northern").Load();

        LoadAssert.ReportsOnly(result, Services, 2, 5, "corridor");
    }

    [Theory]
    [InlineData("capacity_teu", "0", 7)]
    [InlineData("capacity_teu", "82.5", 7)]
    [InlineData("cutoff_hours", "-2", 6)]
    [InlineData("price_usd", "USD 4200", 8)]
    public void A_bad_service_number_is_reported_at_its_column(string column, string value, int columnNumber)
    {
        var result = TestNetworkFiles.Valid().SetField(Services, 3, column, value).Load();

        LoadAssert.Reports(result, Services, 3, columnNumber, column);
    }

    [Fact]
    public void A_figure_of_a_service_without_a_source_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Services, 3, "sources", "price=E;capacity=E;schedule=E").Load();

        var problem = LoadAssert.ReportsOnly(result, Services, 3, 9, "sources");
        Assert.Contains("times", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stop_at_an_unknown_terminal_is_reported_at_its_locode()
    {
        var result = TestNetworkFiles.Valid().SetField(Stops, 3, "locode", "CNXXX").Load();

        var problem = LoadAssert.Reports(result, Stops, 3, 3, "locode");
        Assert.Contains("CNXXX", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stop_that_is_not_a_locode_is_reported_at_its_locode()
    {
        var result = TestNetworkFiles.Valid().SetField(Stops, 3, "locode", "Khorgos").Load();

        LoadAssert.Reports(result, Stops, 3, 3, "locode");
    }

    [Fact]
    public void A_stop_of_an_unknown_service_is_reported()
    {
        var result = TestNetworkFiles.Valid().AppendLine(Stops, "akt-bak-feeder,1,KZAKT,,0").Load();

        LoadAssert.ReportsOnly(result, Stops, 7, 1, "service");
    }

    [Fact]
    public void Consecutive_stops_with_no_link_of_the_services_mode_are_reported_at_the_second_stop()
    {
        // The ferry becomes a train, but Aktau and Baku are joined only by sea.
        var result = TestNetworkFiles.Valid().SetField(Services, 3, "mode", "rail").Load();

        var problem = LoadAssert.ReportsOnly(result, Stops, 6, 3, "locode");
        Assert.Contains("KZAKT", problem.Message, StringComparison.Ordinal);
        Assert.Contains("AZBAK", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_way_link_does_not_carry_a_service_the_other_way()
    {
        var result = TestNetworkFiles.Valid().SetField(NetworkFileNames.Links, 6, "bidirectional", "no")
            .SetField(Stops, 5, "locode", "AZBAK")
            .SetField(Stops, 6, "locode", "KZAKT")
            .Load();

        LoadAssert.ReportsOnly(result, Stops, 6, 3, "locode");
    }

    [Fact]
    public void A_gap_in_stop_numbers_is_reported_at_the_stop_after_it()
    {
        var result = TestNetworkFiles.Valid().SetField(Stops, 4, "seq", "4").Load();

        var problem = LoadAssert.ReportsOnly(result, Stops, 4, 2, "seq");
        Assert.Contains("expected 3, got 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_stop_number_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Stops, 4, "seq", "2").Load();

        LoadAssert.Reports(result, Stops, 4, 2, "seq");
    }

    [Fact]
    public void Stops_may_be_listed_out_of_order_when_their_numbers_are_right()
    {
        var files = TestNetworkFiles.Valid();
        var second = files.Line(Stops, 3);
        var result = files.RemoveLine(Stops, 3).InsertLine(Stops, 4, second).Load();

        LoadAssert.Loads(result);
        Assert.Equal(["CNXIY", "CNKHG", "KZALA"], result.Network!.Services[0].Stops.Select(s => s.Locode.Value));
    }

    [Fact]
    public void An_arrival_before_the_previous_departure_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Stops, 4, "arrival_hours", "90").Load();

        var problem = LoadAssert.ReportsOnly(result, Stops, 4, 4, "arrival_hours");
        Assert.Contains("92", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arrival_at_the_moment_of_the_previous_departure_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Stops, 4, "arrival_hours", "92").Load();

        LoadAssert.ReportsOnly(result, Stops, 4, 4, "arrival_hours");
    }

    [Fact]
    public void A_departure_before_the_arrival_at_the_same_stop_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Stops, 3, "departure_hours", "70").Load();

        LoadAssert.ReportsOnly(result, Stops, 3, 5, "departure_hours");
    }

    [Theory]
    [InlineData(2, "arrival_hours", "0", "departure_hours", 5)]
    [InlineData(2, "departure_hours", "1", "departure_hours", 5)]
    [InlineData(4, "departure_hours", "110", "arrival_hours", 4)]
    [InlineData(3, "departure_hours", "", "departure_hours", 5)]
    public void A_stop_missing_its_arrival_or_departure_or_with_one_too_many_is_reported(int line, string column, string value, string field, int columnNumber)
    {
        var result = TestNetworkFiles.Valid().SetField(Stops, line, column, value).Load();

        LoadAssert.Reports(result, Stops, line, columnNumber, field);
    }
}
