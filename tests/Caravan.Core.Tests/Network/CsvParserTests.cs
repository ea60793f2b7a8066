using Caravan.Core.Network;
using Caravan.Core.Network.Csv;

namespace Caravan.Core.Tests.Network;

/// <summary>The CSV reader under the loader: RFC 4180 quoting, comments, blank lines, CRLF, and physical line numbers.</summary>
public sealed class CsvParserTests
{
    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks()
    {
        var (records, problems) = Parse("a,\"b, c\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row,,\n");

        Assert.Empty(problems);
        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b, c", "say \"hi\"", "two\nlines"], records[0].Fields);
        Assert.Equal(["next", "row", "", ""], records[1].Fields);
    }

    [Fact]
    public void A_record_after_a_quoted_line_break_starts_on_its_physical_line()
    {
        var (records, _) = Parse("header\n\"one\ntwo\nthree\"\nlast\n");

        Assert.Equal([1, 2, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Comment_lines_and_blank_lines_are_skipped_but_still_counted()
    {
        var (records, problems) = Parse("# Terminals of the corridor\nh1,h2\n\n# Kazakhstan\nx,y\n\n\nz,w\n");

        Assert.Empty(problems);
        Assert.Equal([2, 5, 8], records.Select(r => r.Line));
        Assert.Equal(["x", "y"], records[1].Fields);
    }

    [Fact]
    public void A_hash_inside_a_line_or_a_quoted_field_is_data()
    {
        var (records, _) = Parse("h1,h2\nx,# not a comment\n\"a\n# still the field\",b\n");

        Assert.Equal(["x", "# not a comment"], records[1].Fields);
        Assert.Equal(["a\n# still the field", "b"], records[2].Fields);
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Crlf_line_endings_leave_no_carriage_return_in_fields()
    {
        var (records, problems) = Parse("h1,h2\r\nx,y\r\n\r\n# comment\r\n\"q\",z\r\n");

        Assert.Empty(problems);
        Assert.Equal([1, 2, 5], records.Select(r => r.Line));
        Assert.Equal(["x", "y"], records[1].Fields);
        Assert.Equal(["q", "z"], records[2].Fields);
    }

    [Fact]
    public void The_last_line_needs_no_line_break()
    {
        var (records, _) = Parse("h1,h2\nx,y");

        Assert.Equal(["x", "y"], records[1].Fields);
    }

    [Fact]
    public void Unquoted_fields_are_trimmed_and_quoted_ones_kept_as_written()
    {
        var (records, _) = Parse("  x ,\" y \"\n");

        Assert.Equal(["x", " y "], records[0].Fields);
    }

    [Fact]
    public void An_unterminated_quote_is_a_problem_at_the_line_and_field_where_it_opens()
    {
        var (records, problems) = Parse("h1,h2,h3\nx,y,z\na,b,\"never closed\nmore\n");

        Assert.Equal(["h1,h2,h3", "x,y,z"], records.Select(r => string.Join(',', r.Fields)));
        var problem = Assert.Single(problems);
        Assert.Equal(("test.csv", 3, 3, (string?)null), (problem.File, problem.Line, problem.Column, problem.Field));
    }

    [Fact]
    public void The_loader_reads_the_network_written_with_crlf_line_endings()
    {
        var result = TestNetworkFiles.Valid().WithCrlfLineEndings().Load();

        LoadAssert.Loads(result);
        var network = result.Network!;
        Assert.Equal(5, network.Terminals.Count);
        Assert.Equal("Trans-Caspian route: China, Kazakhstan, the Caspian, Azerbaijan", network.Corridors[0].Description);
        Assert.All(network.Services, s => Assert.DoesNotContain('\r', s.Sources));
    }

    [Fact]
    public void The_loader_counts_physical_lines_with_crlf_comments_blank_lines_and_quoted_line_breaks()
    {
        var result = TestNetworkFiles.Valid()
            .InsertLine(NetworkFileNames.Links, 1, "# Links of the tiny corridor")
            .InsertLine(NetworkFileNames.Links, 2, string.Empty)
            .SetField(NetworkFileNames.Links, 4, "operator", "\"China Railway\n(CR Express, \"\"Chang'an\"\")\"")
            .SetField(NetworkFileNames.Links, 8, "distance_km", "-3000")
            .WithCrlfLineEndings()
            .Load();

        LoadAssert.ReportsOnly(result, NetworkFileNames.Links, 8, 5, "distance_km");
    }

    [Fact]
    public void The_loader_keeps_quoted_text_as_written()
    {
        var result = TestNetworkFiles.Valid()
            .SetField(NetworkFileNames.Terminals, 6, "name", "\"Baku International Sea Trade Port, \"\"Alat\"\"\"")
            .Load();

        LoadAssert.Loads(result);
        Assert.Equal("Baku International Sea Trade Port, \"Alat\"", result.Network!.Terminals[4].Name);
    }

    [Fact]
    public void A_byte_order_mark_at_the_start_is_not_part_of_the_first_column()
    {
        var (records, problems) = Parse("\uFEFFh1,h2\r\nx,y\r\n");

        Assert.Empty(problems);
        Assert.Equal(["h1", "h2"], records[0].Fields);
        Assert.Equal(["x", "y"], records[1].Fields);
    }

    [Fact]
    public void The_loader_reads_files_that_start_with_a_byte_order_mark()
    {
        var files = TestNetworkFiles.Valid();
        foreach (var file in TestNetworkFiles.AllFileNames)
        {
            files = files.WithFile(file, "\uFEFF" + files.Text(file));
        }

        LoadAssert.Loads(files.Load());
    }

    [Theory]
    [InlineData(32_760)]
    [InlineData(32_764)]
    [InlineData(32_765)]
    [InlineData(32_766)]
    [InlineData(32_767)]
    [InlineData(32_768)]
    [InlineData(65_530)]
    public void Quotes_and_line_ends_split_across_blocks_of_input_read_as_in_one(int padding)
    {
        // A comment line of the given length pushes the row's doubled quote and CRLF across the reader's block edges.
        var row = "a,\"x\"\"y, z\"\r\n\"q\"\"\",w\r\n";
        var text = "#" + new string('-', padding) + "\r\n" + row + row + row;

        var (records, problems) = Parse(text);

        Assert.Empty(problems);
        Assert.Equal([2, 3, 4, 5, 6, 7], records.Select(r => r.Line));
        Assert.All(records.Where((_, i) => i % 2 == 0), r => Assert.Equal(["a", "x\"y, z"], r.Fields));
        Assert.All(records.Where((_, i) => i % 2 == 1), r => Assert.Equal(["q\"", "w"], r.Fields));
    }

    [Fact]
    public void Parsed_records_stay_as_they_were_read()
    {
        var (records, _) = Parse("h1,h2\nx,y\nz,w\n");

        Assert.Equal(["h1", "h2"], records[0].Fields);
        Assert.Equal(["x", "y"], records[1].Fields);
        Assert.Equal(["z", "w"], records[2].Fields);
    }

    [Fact]
    public void A_file_left_unread_for_a_missing_partner_still_reports_its_own_rows()
    {
        // Without service_stops.csv the services are not built, yet a malformed row of services.csv is still found.
        var files = TestNetworkFiles.Valid().WithoutFile(NetworkFileNames.ServiceStops);
        var result = files
            .ReplaceLine(NetworkFileNames.Services, 2, files.Line(NetworkFileNames.Services, 2) + ",extra")
            .Load();

        Assert.Contains(result.Problems, p => p.File == NetworkFileNames.ServiceStops && p.Message == "file not found");
        Assert.Contains(result.Problems, p => p.File == NetworkFileNames.Services && p.Line == 2 && p.Message.Contains("fields but the header has", StringComparison.Ordinal));
    }

    private static (List<CsvRecord> Records, List<NetworkProblem> Problems) Parse(string text)
    {
        var problems = new List<NetworkProblem>();
        var records = CsvParser.Records(new StringReader(text), "test.csv", problems).Select(r => r.Copy()).ToList();
        return (records, problems);
    }
}
