using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

/// <summary>Problems with whole files and their shape: missing files, headers, quotes and field counts.</summary>
public sealed class FileValidationTests
{
    private const string Timetable = NetworkFileNames.Timetable;

    [Theory]
    [InlineData(NetworkFileNames.Timetable)]
    [InlineData(NetworkFileNames.ServiceStops)]
    [InlineData(NetworkFileNames.Services)]
    [InlineData(NetworkFileNames.ContainerTypes)]
    public void A_missing_file_is_reported_at_its_first_line(string file)
    {
        var result = TestNetworkFiles.Valid().WithoutFile(file).Load();

        var problem = LoadAssert.ReportsOnly(result, file, 1, 1, null);
        Assert.Contains("not found", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NetworkFileNames.Terminals)]
    [InlineData(NetworkFileNames.Links)]
    [InlineData(NetworkFileNames.Corridors)]
    [InlineData(NetworkFileNames.Countries)]
    [InlineData(NetworkFileNames.EmissionFactors)]
    public void A_missing_file_others_depend_on_is_reported_too(string file)
    {
        var result = TestNetworkFiles.Valid().WithoutFile(file).Load();

        LoadAssert.Reports(result, file, 1, 1, null);
    }

    [Theory]
    [InlineData(NetworkFileNames.Services, "cutoff_hours", 9)]
    [InlineData(NetworkFileNames.Timetable, "weekday", 3)]
    [InlineData(NetworkFileNames.ServiceStops, "arrival_hours", 5)]
    [InlineData(NetworkFileNames.ContainerTypes, "reefer", 9)]
    public void A_missing_required_column_is_reported_just_past_the_end_of_the_header(string file, string column, int columnNumber)
    {
        var result = TestNetworkFiles.Valid().RemoveColumn(file, column).Load();

        LoadAssert.ReportsOnly(result, file, 1, columnNumber, column);
    }

    [Fact]
    public void A_missing_column_is_reported_on_the_header_line_after_comments()
    {
        var result = TestNetworkFiles.Valid()
            .RemoveColumn(Timetable, "departure_time")
            .InsertLine(Timetable, 1, "# Weekly departures, UTC")
            .InsertLine(Timetable, 2, string.Empty)
            .Load();

        LoadAssert.ReportsOnly(result, Timetable, 3, 3, "departure_time");
    }

    [Fact]
    public void Columns_may_come_in_any_order()
    {
        var result = TestNetworkFiles.Valid()
            .WithFile(Timetable, "departure_time,service,weekday\n08:00,xiy-ala-block,2\n22:00,akt-bak-ferry,1\n")
            .Load();

        LoadAssert.Loads(result);
    }

    [Fact]
    public void An_extra_column_is_ignored()
    {
        var result = TestNetworkFiles.Valid()
            .WithFile(Timetable, "service,weekday,departure_time,remark\nxiy-ala-block,2,08:00,summer only\nakt-bak-ferry,1,22:00,\n")
            .Load();

        LoadAssert.Loads(result);
    }

    [Fact]
    public void A_column_named_twice_is_reported_at_the_second_one()
    {
        var result = TestNetworkFiles.Valid().ReplaceLine(Timetable, 1, "service,weekday,departure_time,weekday").Load();

        LoadAssert.ReportsOnly(result, Timetable, 1, 4, "weekday");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing here yet\n\n")]
    public void A_file_without_a_header_is_reported(string text)
    {
        var result = TestNetworkFiles.Valid().WithFile(Timetable, text).Load();

        LoadAssert.ReportsOnly(result, Timetable, 1, 1, null);
    }

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_reported_at_the_first_extra_field()
    {
        var result = TestNetworkFiles.Valid().AppendLine(Timetable, "akt-bak-ferry,3,10:00,extra").Load();

        LoadAssert.ReportsOnly(result, Timetable, 6, 4, null);
    }

    [Fact]
    public void An_unterminated_quote_is_reported_at_the_line_and_column_where_it_opens()
    {
        var result = TestNetworkFiles.Valid()
            .AppendLine(NetworkFileNames.Corridors, "southern,Southern route,\"Through Turkmenistan and Iran")
            .Load();

        var problem = LoadAssert.ReportsOnly(result, NetworkFileNames.Corridors, 3, 3, null);
        Assert.Contains("quote", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_quote_swallowing_later_lines_is_reported_where_it_opens()
    {
        var result = TestNetworkFiles.Valid().SetField(NetworkFileNames.Terminals, 4, "name", "\"Almaty").Load();

        LoadAssert.Reports(result, NetworkFileNames.Terminals, 4, 2, null);
    }
}
