using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

/// <summary>Problems in terminals.csv. The fixture has terminals on lines 2–6; a new terminal appended is line 7.</summary>
public sealed class TerminalValidationTests
{
    private const string Terminals = NetworkFileNames.Terminals;
    private const string Beyneu = "KZBEY,Beyneu,KZ,45.32,55.19,rail_terminal,1520,4,80,6,24,unverified,position=E;handling=E;dwell=E";

    [Theory]
    [InlineData("KZ1EY")]
    [InlineData("KZBE")]
    [InlineData("KZBEY1")]
    [InlineData("K2BEY")]
    public void A_malformed_locode_is_reported_at_its_field(string locode)
    {
        var result = TestNetworkFiles.Valid().AppendLine(Terminals, Beyneu).SetField(Terminals, 7, "locode", locode).Load();

        var problem = LoadAssert.ReportsOnly(result, Terminals, 7, 1, "locode");
        Assert.Contains(locode, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_locode_of_another_country_than_the_terminals_is_reported_at_the_locode()
    {
        var result = TestNetworkFiles.Valid().SetField(Terminals, 6, "country", "KZ").Load();

        var problem = LoadAssert.ReportsOnly(result, Terminals, 6, 1, "locode");
        Assert.Contains("AZ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FRPAR", "FR")]
    [InlineData("KZBEY", "XX")]
    [InlineData("KZBEY", "KAZ")]
    public void A_country_missing_from_countries_csv_is_reported(string locode, string country)
    {
        var result = TestNetworkFiles.Valid()
            .AppendLine(Terminals, Beyneu)
            .SetField(Terminals, 7, "locode", locode)
            .SetField(Terminals, 7, "country", country)
            .Load();

        LoadAssert.ReportsOnly(result, Terminals, 7, 3, "country");
    }

    [Theory]
    [InlineData("lat", "91", 4)]
    [InlineData("lat", "-91", 4)]
    [InlineData("lon", "180.5", 5)]
    [InlineData("lon", "-181", 5)]
    public void A_position_off_the_globe_is_reported(string column, string value, int columnNumber)
    {
        var result = TestNetworkFiles.Valid().AppendLine(Terminals, Beyneu).SetField(Terminals, 7, column, value).Load();

        LoadAssert.ReportsOnly(result, Terminals, 7, columnNumber, column);
    }

    [Fact]
    public void A_latitude_of_exactly_90_is_on_the_globe()
    {
        var result = TestNetworkFiles.Valid().SetField(Terminals, 2, "lat", "90").Load();

        LoadAssert.Loads(result);
    }

    [Fact]
    public void A_duplicate_terminal_code_is_reported_on_the_second_row()
    {
        var result = TestNetworkFiles.Valid().AppendLine(Terminals, Beyneu).SetField(Terminals, 7, "locode", "kzala").Load();

        var problem = LoadAssert.ReportsOnly(result, Terminals, 7, 1, "locode");
        Assert.Contains("line 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_terminal_no_link_reaches_is_reported()
    {
        var result = TestNetworkFiles.Valid().AppendLine(Terminals, Beyneu).Load();

        var problem = LoadAssert.ReportsOnly(result, Terminals, 7, 1, "locode");
        Assert.Contains("KZBEY", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_terminal_only_left_by_one_way_links_is_not_reached()
    {
        var result = TestNetworkFiles.Valid().SetField(NetworkFileNames.Links, 2, "bidirectional", "no").Load();

        var problem = LoadAssert.ReportsOnly(result, Terminals, 2, 1, "locode");
        Assert.Contains("CNXIY", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_without_a_source_is_reported_at_the_sources_field()
    {
        var result = TestNetworkFiles.Valid().SetField(Terminals, 4, "sources", "position=E;handling=S12").Load();

        var problem = LoadAssert.ReportsOnly(result, Terminals, 4, 13, "sources");
        Assert.Contains("dwell", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gauges", "1000", 7)]
    [InlineData("kind", "airport", 6)]
    [InlineData("handling_hours", "-1", 8)]
    [InlineData("dwell_p90_hours", "2", 11)]
    [InlineData("locode_status", "maybe", 12)]
    public void A_bad_terminal_field_is_reported_at_its_column(string column, string value, int columnNumber)
    {
        var result = TestNetworkFiles.Valid().AppendLine(Terminals, Beyneu).SetField(Terminals, 7, column, value).Load();

        LoadAssert.ReportsOnly(result, Terminals, 7, columnNumber, column);
    }
}
