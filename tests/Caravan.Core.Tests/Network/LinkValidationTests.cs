using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

/// <summary>
/// Problems in links.csv. Line 5 is the road Almaty–Aktau, which runs beside the rail link of line 4, so breaking
/// it rejects no terminal; line 6 is the scheduled ferry Aktau–Baku; a new link appended is line 7.
/// </summary>
public sealed class LinkValidationTests
{
    private const string Links = NetworkFileNames.Links;
    private const string RoadAlmatyAktau = "ala-akt-road,KZALA,KZAKT,road,3000,,road_diesel,,middle,continuous,55,3200,KZ,yes,distance=E;speed=E;cost=E";

    [Theory]
    [InlineData("from", 2)]
    [InlineData("to", 3)]
    public void A_link_to_an_unknown_terminal_is_reported_at_that_end(string column, int columnNumber)
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 5, column, "KZXXX").Load();

        var problem = LoadAssert.ReportsOnly(result, Links, 5, columnNumber, column);
        Assert.Contains("KZXXX", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from", 2)]
    [InlineData("to", 3)]
    public void A_link_end_that_is_not_a_locode_is_reported(string column, int columnNumber)
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 5, column, "Almaty").Load();

        LoadAssert.ReportsOnly(result, Links, 5, columnNumber, column);
    }

    [Theory]
    [InlineData("-3000")]
    [InlineData("0")]
    [InlineData("-0.5")]
    public void A_distance_that_is_not_positive_is_reported(string distance)
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 5, "distance_km", distance).Load();

        LoadAssert.ReportsOnly(result, Links, 5, 5, "distance_km");
    }

    [Theory]
    [InlineData("distance_km", "3000km", 5)]
    [InlineData("speed_kmh", "fast", 11)]
    [InlineData("cost_usd", "32O0", 12)]
    [InlineData("cost_usd", "NaN", 12)]
    public void A_number_that_does_not_parse_is_reported(string column, string value, int columnNumber)
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 5, column, value).Load();

        var problem = LoadAssert.ReportsOnly(result, Links, 5, columnNumber, column);
        Assert.Contains(value, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rail_link_whose_gauge_its_first_terminal_lacks_is_reported_at_the_gauge()
    {
        var result = TestNetworkFiles.Valid()
            .AppendLine(Links, "ala-akt-standard,KZALA,KZAKT,rail,2900,1435,rail_diesel,KTZ,middle,continuous,38,1800,KZ,yes,distance=E;speed=E;cost=E")
            .Load();

        var problem = LoadAssert.ReportsOnly(result, Links, 7, 6, "gauge");
        Assert.Contains("KZALA", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rail_link_whose_gauge_its_second_terminal_lacks_is_reported_at_the_gauge()
    {
        var result = TestNetworkFiles.Valid()
            .AppendLine(Links, "khg-xiy-broad,CNKHG,CNXIY,rail,3500,1520,rail_electric,China Railway,middle,continuous,45,1400,CN,yes,distance=E;speed=E;cost=E")
            .Load();

        var problem = LoadAssert.ReportsOnly(result, Links, 7, 6, "gauge");
        Assert.Contains("CNXIY", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1000")]
    [InlineData("1435;1520")]
    public void A_rail_link_without_one_known_gauge_is_reported(string gauge)
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 4, "gauge", gauge).Load();

        LoadAssert.ReportsOnly(result, Links, 4, 6, "gauge");
    }

    [Fact]
    public void A_road_link_with_a_gauge_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 5, "gauge", "1520").Load();

        LoadAssert.ReportsOnly(result, Links, 5, 6, "gauge");
    }

    [Fact]
    public void A_duplicate_link_id_is_reported_on_the_second_row()
    {
        var result = TestNetworkFiles.Valid().AppendLine(Links, RoadAlmatyAktau.Replace("ala-akt-road", "ala-akt", StringComparison.Ordinal)).Load();

        var problem = LoadAssert.ReportsOnly(result, Links, 7, 1, "id");
        Assert.Contains("line 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_from_a_terminal_to_itself_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 5, "to", "KZALA").Load();

        LoadAssert.ReportsOnly(result, Links, 5, 3, "to");
    }

    [Theory]
    [InlineData("speed_kmh", "30", 11)]
    [InlineData("cost_usd", "900", 12)]
    public void A_scheduled_link_with_a_speed_or_cost_is_reported(string column, string value, int columnNumber)
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 6, column, value).Load();

        LoadAssert.ReportsOnly(result, Links, 6, columnNumber, column);
    }

    [Fact]
    public void A_continuous_link_without_a_speed_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 5, "speed_kmh", string.Empty).Load();

        LoadAssert.ReportsOnly(result, Links, 5, 11, "speed_kmh");
    }

    [Theory]
    [InlineData(5, "distance=E;speed=E", "cost")]
    [InlineData(6, "", "distance")]
    public void A_figure_without_a_source_is_reported(int line, string sources, string figure)
    {
        var result = TestNetworkFiles.Valid().SetField(Links, line, "sources", sources).Load();

        var problem = LoadAssert.ReportsOnly(result, Links, line, 15, "sources");
        Assert.Contains(figure, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("distance=E;speed=E;cost=X1", "X1")]
    [InlineData("distance=S43+estimate;speed=E;cost=E", "estimate")]
    [InlineData("distance=s43;speed=E;cost=E", "s43")]
    public void A_malformed_source_tag_is_reported(string sources, string tag)
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 5, "sources", sources).Load();

        var problem = LoadAssert.ReportsOnly(result, Links, 5, 15, "sources");
        Assert.Contains(tag, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Well_formed_source_tags_of_every_kind_are_accepted()
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 5, "sources", "distance=S43;speed=SA2+D;cost=E").Load();

        LoadAssert.Loads(result);
    }

    [Theory]
    [InlineData("rail_hydrogen")]
    [InlineData("hub_any")]
    public void A_link_naming_no_transport_emission_factor_is_reported(string factor)
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 3, "emission_factor", factor).Load();

        LoadAssert.ReportsOnly(result, Links, 3, 7, "emission_factor");
    }

    [Fact]
    public void A_link_using_the_emission_factor_of_another_mode_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 3, "emission_factor", "road_diesel").Load();

        var problem = LoadAssert.ReportsOnly(result, Links, 3, 7, "emission_factor");
        Assert.Contains("road_diesel", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_on_an_unknown_corridor_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 3, "corridor", "northern").Load();

        LoadAssert.ReportsOnly(result, Links, 3, 9, "corridor");
    }

    [Fact]
    public void A_link_through_an_unknown_country_is_reported()
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 5, "via_countries", "KZ;RU").Load();

        var problem = LoadAssert.ReportsOnly(result, Links, 5, 13, "via_countries");
        Assert.Contains("RU", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mode", "air", 4)]
    [InlineData("availability", "daily", 10)]
    [InlineData("bidirectional", "both", 14)]
    public void A_word_outside_the_vocabulary_is_reported(string column, string value, int columnNumber)
    {
        var result = TestNetworkFiles.Valid().SetField(Links, 5, column, value).Load();

        LoadAssert.ReportsOnly(result, Links, 5, columnNumber, column);
    }
}
