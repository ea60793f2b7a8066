using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Core.Telemetry;

/// <summary>
/// The radius of each terminal's geofence in metres: one per terminal kind (a seaport's yard is wider than a rail
/// terminal's, a junction is a point on the line), overridden for single terminals whose site is larger or whose
/// position in the network data is rough.
/// </summary>
public sealed record GeofenceRadii
{
    /// <summary>The radii unless configured (metres).</summary>
    public static readonly GeofenceRadii Default = new();

    /// <summary>Radius by kind in metres; a kind missing here uses <see cref="FallbackM"/>.</summary>
    public IReadOnlyDictionary<TerminalKind, double> ByKind { get; init; } = new Dictionary<TerminalKind, double>
    {
        [TerminalKind.Seaport] = 3000,
        [TerminalKind.FerryPort] = 3000,
        [TerminalKind.BorderCrossing] = 3000,
        [TerminalKind.RailTerminal] = 2000,
        [TerminalKind.DryPort] = 2000,
        [TerminalKind.InlandHub] = 2000,
        [TerminalKind.Junction] = 1000,
    };

    /// <summary>Radius in metres for kinds not in <see cref="ByKind"/>.</summary>
    public double FallbackM { get; init; } = 2000;

    /// <summary>Radius in metres for single terminals, by LOCODE; wins over the kind's.</summary>
    public IReadOnlyDictionary<Locode, double> ByTerminal { get; init; } = new Dictionary<Locode, double>();

    /// <summary>The geofence of <paramref name="terminal"/>: a circle around its position with the radius that applies.</summary>
    public TerminalGeofence For(Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        var radius = ByTerminal.TryGetValue(terminal.Locode, out var own) ? own
            : ByKind.TryGetValue(terminal.Kind, out var byKind) ? byKind
            : FallbackM;
        return new TerminalGeofence(terminal.Locode, terminal.Position, radius);
    }
}
