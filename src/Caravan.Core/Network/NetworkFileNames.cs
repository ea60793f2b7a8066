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
}
