namespace Caravan.Core.Network;

/// <summary>
/// Where the loader reads the network's files from. Core does no file I/O itself: the host hands in a way to
/// open each file by its name (see <see cref="NetworkFileNames"/>) and the path to show in messages.
/// </summary>
public sealed class NetworkSource
{
    private readonly Func<string, TextReader?> _open;
    private readonly Func<string, string> _displayPath;

    /// <param name="open">Opens a file by name, or returns null when it does not exist.</param>
    /// <param name="displayPath">The path of a file as a user should see it in an error message.</param>
    public NetworkSource(Func<string, TextReader?> open, Func<string, string> displayPath)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(displayPath);
        _open = open;
        _displayPath = displayPath;
    }

    public TextReader? Open(string fileName) => _open(fileName);

    public string DisplayPath(string fileName) => _displayPath(fileName);

    /// <summary>A source over in-memory file contents keyed by file name; handy for tests and generated networks.</summary>
    public static NetworkSource FromStrings(IReadOnlyDictionary<string, string> files) =>
        new(name => files.TryGetValue(name, out var text) ? new StringReader(text) : null, name => name);
}
