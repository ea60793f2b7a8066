namespace Caravan.Server.Hosting;

/// <summary>
/// How the HTTP API behaves: where the corridor network is and how large request bodies may be. Bound from
/// <c>Caravan:Server</c>; <c>caravan serve</c> flags map onto it.
/// </summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan:Server";

    /// <summary>The network CSV directory; null: <c>data/network</c> beside the server, else <c>./data/network</c>.</summary>
    public string? NetworkDirectory { get; set; }

    /// <summary>
    /// Load the network and prepare its planner in the background as the server starts (default true), so the first
    /// plan request does not wait for it; false loads it on the first request that needs it.
    /// </summary>
    public bool PreparePlannerOnStart { get; set; } = true;

    /// <summary>The largest JSON request body, in bytes (default 64 KiB).</summary>
    public long MaxJsonBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The largest document upload, in bytes (default 16 MiB).</summary>
    public long MaxDocumentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The network directory to load: the configured one or the default.</summary>
    public string ResolveNetworkDirectory()
    {
        if (!string.IsNullOrWhiteSpace(NetworkDirectory))
        {
            return NetworkDirectory;
        }

        var besideServer = Path.Combine(AppContext.BaseDirectory, "data", "network");
        return Directory.Exists(besideServer) ? besideServer : Path.Combine("data", "network");
    }

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxJsonBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            problems.Add($"{SectionName}:MaxJsonBodyBytes must be from 1024 to 67108864, not {MaxJsonBodyBytes}.");
        }

        if (MaxDocumentBytes is < 1 or > 4L * 1024 * 1024 * 1024)
        {
            problems.Add($"{SectionName}:MaxDocumentBytes must be from 1 to 4294967296, not {MaxDocumentBytes}.");
        }

        return problems;
    }
}
