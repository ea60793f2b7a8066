namespace Caravan.Core.Network;

/// <summary>The files a corridor network is made of (documented in docs/data-format.md).</summary>
public static class NetworkFileNames
{
    public const string Terminals = "terminals.csv";
    public const string Links = "links.csv";
    public const string Services = "services.csv";
    public const string ServiceStops = "service_stops.csv";
    public const string Timetable = "timetable.csv";
    public const string Corridors = "corridors.csv";

    /// <summary>Reference files, which live in <c>data/reference</c> beside the network directory.</summary>
    public const string EmissionFactors = "emission-factors.csv";

    public const string Countries = "countries.csv";
    public const string ContainerTypes = "container-types.csv";

    public static IReadOnlyList<string> NetworkFiles { get; } = [Terminals, Links, Services, ServiceStops, Timetable, Corridors];

    public static IReadOnlyList<string> ReferenceFiles { get; } = [EmissionFactors, Countries, ContainerTypes];

    public static bool IsReference(string fileName) => ReferenceFiles.Contains(fileName);

    /// <summary>
    /// Where a file of a network kept in <paramref name="networkDirectory"/> lives: network files in it, reference
    /// files in <c>reference</c> beside it (as <c>data/network</c> and <c>data/reference</c>). Path arithmetic only;
    /// the host opens the file.
    /// </summary>
    public static string PathIn(string networkDirectory, string fileName)
    {
        ArgumentNullException.ThrowIfNull(networkDirectory);
        ArgumentNullException.ThrowIfNull(fileName);
        if (!IsReference(fileName))
        {
            return Path.Combine(networkDirectory, fileName);
        }

        // A bare name ("network") is a directory in the current one, so its reference files are in ./reference; only
        // "." and ".." have their parent above them.
        var trimmed = Path.TrimEndingDirectorySeparator(networkDirectory);
        var parent = Path.GetDirectoryName(trimmed);
        if (string.IsNullOrEmpty(parent))
        {
            parent = trimmed switch
            {
                "" or "." => "..",
                ".." => Path.Combine("..", ".."),
                _ => ".",
            };
        }

        return Path.Combine(parent, "reference", fileName);
    }
}
