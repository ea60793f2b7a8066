using Caravan.Core.Geography;

namespace Caravan.Core.Simulation;

/// <summary>
/// How virtual trackers behave: how often they report, and how often the corridor's irregularities happen — extra
/// waits for the Caspian ferries, reefer temperature excursions, silent devices, doors opened en route, shocks. Shares
/// are probabilities per tracker (or per ferry departure), so a fleet shows each behaviour in about that fraction.
/// </summary>
public sealed record SimulationSettings
{
    /// <summary>The settings unless configured.</summary>
    public static readonly SimulationSettings Default = new();

    /// <summary>Time between readings while the container moves: 15 minutes.</summary>
    public TimeSpan MovingInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Time between readings while it stands (trackers save battery): 1 hour.</summary>
    public TimeSpan StationaryInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long before the first departure the tracker starts reporting at the origin: 6 hours.</summary>
    public TimeSpan LeadTime { get; init; } = TimeSpan.FromHours(6);

    /// <summary>How long after the final arrival it keeps reporting at the destination: 6 hours.</summary>
    public TimeSpan TrailTime { get; init; } = TimeSpan.FromHours(6);

    /// <summary>The ferry ports of the Caspian, where departures wait for a full load and the weather.</summary>
    public IReadOnlySet<Locode> CaspianPorts { get; init; } =
        new HashSet<Locode> { Locode.Parse("KZAKT"), Locode.Parse("KZKUR"), Locode.Parse("AZALT"), Locode.Parse("TMKRW") };

    /// <summary>The share of Caspian ferry departures that leave later than timetabled: 0.5.</summary>
    public double FerryDelayShare { get; init; } = 0.5;

    /// <summary>The longest extra wait for a Caspian ferry: 4 days (the shortest is 6 hours).</summary>
    public TimeSpan FerryDelayMax { get; init; } = TimeSpan.FromDays(4);

    /// <summary>
    /// Extra time forced on every departure from given terminals, after the sampled dwell (a scenario: the train waits
    /// three more days at Aktau because the ferry leaves three days late).
    /// </summary>
    public IReadOnlyDictionary<Locode, TimeSpan> ExtraDwell { get; init; } = new Dictionary<Locode, TimeSpan>();

    /// <summary>The share of trackers on reefer containers (they report cargo temperature at a setpoint): 0.25.</summary>
    public double ReeferShare { get; init; } = 0.25;

    /// <summary>The share of reefer trackers that see one temperature excursion (a failed plug-in): 0.2.</summary>
    public double ExcursionShare { get; init; } = 0.2;

    /// <summary>Largest deviation from the setpoint outside an excursion, in °C: 1.5.</summary>
    public double SetpointToleranceC { get; init; } = 1.5;

    /// <summary>The share of trackers that fall silent once for 12 to 48 hours (no coverage, flat battery): 0.1.</summary>
    public double SilentShare { get; init; } = 0.1;

    /// <summary>The share of trackers whose door is opened once while moving, outside a terminal: 0.03.</summary>
    public double DoorEnRouteShare { get; init; } = 0.03;

    /// <summary>The share of trackers that record one hard shock (5–15 g) while moving: 0.05.</summary>
    public double HardShockShare { get; init; } = 0.05;

    /// <summary>The share of readings with a coarse fix (cell towers, 300–1,500 m) instead of GPS (4–15 m): 0.05.</summary>
    public double CoarseFixShare { get; init; } = 0.05;

    /// <summary>What is wrong with these settings, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MovingInterval < TimeSpan.FromSeconds(10) || StationaryInterval < TimeSpan.FromSeconds(10))
        {
            problems.Add("Reading intervals must be at least 10 seconds.");
        }

        if (LeadTime < TimeSpan.Zero || TrailTime < TimeSpan.Zero || FerryDelayMax < TimeSpan.FromHours(6))
        {
            problems.Add("Lead and trail times cannot be negative, and the longest ferry delay is at least 6 hours.");
        }

        foreach (var (name, share) in new[]
        {
            (nameof(FerryDelayShare), FerryDelayShare), (nameof(ReeferShare), ReeferShare), (nameof(ExcursionShare), ExcursionShare),
            (nameof(SilentShare), SilentShare), (nameof(DoorEnRouteShare), DoorEnRouteShare), (nameof(HardShockShare), HardShockShare),
            (nameof(CoarseFixShare), CoarseFixShare),
        })
        {
            if (!double.IsFinite(share) || share is < 0 or > 1)
            {
                problems.Add($"{name} must be a share from 0 to 1, not {share}.");
            }
        }

        if (!double.IsFinite(SetpointToleranceC) || SetpointToleranceC <= 0)
        {
            problems.Add($"{nameof(SetpointToleranceC)} must be a positive number of °C.");
        }

        return problems;
    }
}
