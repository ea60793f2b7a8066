using Caravan.Core.Telemetry;

namespace Caravan.Server.Progress;

/// <summary>
/// What the progress worker remembers for one (device, shipment), stored as JSON in the <c>progress</c> table: the
/// engine's state, the latest estimate, the P50s last written as EST events, and the visits whose dwell passed P90
/// already reported (as "stop/visit"), so nothing is written or reported twice after a restart.
/// </summary>
public sealed record DeviceProgress(
    ProgressState Progress,
    EtaSnapshot? Eta,
    string? WrittenNextTerminal,
    DateTimeOffset? WrittenNextP50,
    DateTimeOffset? WrittenDestinationP50,
    IReadOnlyList<string> DwellReported)
{
    /// <summary>Before any reading of a route of <paramref name="stopCount"/> stops.</summary>
    public static DeviceProgress Initial(int stopCount) => new(ProgressState.Initial(stopCount), null, null, null, null, []);
}
