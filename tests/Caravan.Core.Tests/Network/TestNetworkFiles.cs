using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

/// <summary>
/// The nine files of a tiny valid corridor network (Fixtures/tiny-network: Xi'an → Khorgos → Almaty → Aktau ⇄ Baku),
/// held as text so a test can break one field, line or file and load the result. Line numbers are the physical,
/// 1-based lines of the fixture files, header included.
/// </summary>
public sealed class TestNetworkFiles
{
    /// <summary>Where the fixture lives, relative to the test output directory.</summary>
    public const string FixtureDirectory = "Fixtures/tiny-network";

    private readonly Dictionary<string, string> _files;
    private bool _crlf;

    private TestNetworkFiles(Dictionary<string, string> files) => _files = files;

    /// <summary>Every file of a network, reference files first, in the order the loader sorts problems by.</summary>
    public static IReadOnlyList<string> AllFileNames { get; } = [.. NetworkFileNames.ReferenceFiles, .. NetworkFileNames.NetworkFiles];

    /// <summary>A fresh copy of the valid tiny network.</summary>
    public static TestNetworkFiles Valid()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, FixtureDirectory);
        return new TestNetworkFiles(AllFileNames.ToDictionary(name => name, name => File.ReadAllText(Path.Combine(directory, name)), StringComparer.Ordinal));
    }

    public string Text(string file) => _files[file];

    /// <summary>The text of one physical line, without its line break.</summary>
    public string Line(string file, int line) => Lines(file)[line - 1];

    public TestNetworkFiles WithFile(string file, string text)
    {
        _files[file] = text;
        return this;
    }

    public TestNetworkFiles WithoutFile(string file)
    {
        Assert.True(_files.Remove(file), $"{file} is not one of the files");
        return this;
    }

    public TestNetworkFiles ReplaceLine(string file, int line, string text) =>
        EditLines(file, lines => lines[CheckedIndex(lines, line)] = text);

    /// <summary>Inserts <paramref name="text"/> so that it becomes line <paramref name="line"/>.</summary>
    public TestNetworkFiles InsertLine(string file, int line, string text) =>
        EditLines(file, lines => lines.Insert(line - 1, text));

    public TestNetworkFiles RemoveLine(string file, int line) =>
        EditLines(file, lines => lines.RemoveAt(CheckedIndex(lines, line)));

    /// <summary>Adds a line at the end of the file (which ends with a line break).</summary>
    public TestNetworkFiles AppendLine(string file, string text)
    {
        var current = _files[file];
        _files[file] = (current.Length == 0 || current.EndsWith('\n') ? current : current + "\n") + text + "\n";
        return this;
    }

    /// <summary>Replaces one field, found by its header name, with raw CSV text (quote it yourself if needed).</summary>
    public TestNetworkFiles SetField(string file, int line, string column, string value)
    {
        var index = ColumnIndex(file, column);
        return EditLines(file, lines =>
        {
            var fields = SplitUnquoted(lines[CheckedIndex(lines, line)]);
            fields[index] = value;
            lines[line - 1] = string.Join(',', fields);
        });
    }

    /// <summary>Removes a column from the header and from every row.</summary>
    public TestNetworkFiles RemoveColumn(string file, string column)
    {
        var index = ColumnIndex(file, column);
        return EditLines(file, lines =>
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Length > 0 && !lines[i].StartsWith('#'))
                {
                    var fields = SplitUnquoted(lines[i]);
                    fields.RemoveAt(index);
                    lines[i] = string.Join(',', fields);
                }
            }
        });
    }

    /// <summary>Writes every file with CRLF line breaks, as a spreadsheet on Windows does.</summary>
    public TestNetworkFiles WithCrlfLineEndings()
    {
        _crlf = true;
        return this;
    }

    /// <summary>A source over the current files; file names are shown as they are unless a display path is given.</summary>
    public NetworkSource Source(Func<string, string>? displayPath = null)
    {
        var files = _files.ToDictionary(f => f.Key, f => _crlf ? f.Value.Replace("\n", "\r\n", StringComparison.Ordinal) : f.Value, StringComparer.Ordinal);
        return new NetworkSource(
            name => files.TryGetValue(name, out var text) ? new StringReader(text) : null,
            displayPath ?? (name => name));
    }

    public NetworkLoadResult Load(Func<string, string>? displayPath = null) => CorridorNetworkLoader.Load(Source(displayPath));

    private List<string> Lines(string file) => [.. _files[file].Split('\n')];

    private TestNetworkFiles EditLines(string file, Action<List<string>> edit)
    {
        var lines = Lines(file);
        edit(lines);
        _files[file] = string.Join('\n', lines);
        return this;
    }

    private int ColumnIndex(string file, string column)
    {
        var header = Lines(file).First(line => line.Length > 0 && !line.StartsWith('#'));
        var index = SplitUnquoted(header).IndexOf(column);
        Assert.True(index >= 0, $"{file} has no column '{column}'");
        return index;
    }

    private static int CheckedIndex(List<string> lines, int line)
    {
        Assert.InRange(line, 1, lines.Count);
        return line - 1;
    }

    private static List<string> SplitUnquoted(string line)
    {
        Assert.DoesNotContain('"', line);
        return [.. line.Split(',')];
    }
}
