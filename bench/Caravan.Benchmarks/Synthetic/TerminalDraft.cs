using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>A terminal while the generator is still deciding its links: a border may yet become a gauge break.</summary>
internal sealed class TerminalDraft
{
    public required Locode Locode { get; init; }

    public required string Name { get; init; }

    public required int Region { get; init; }

    public required GeoPoint Position { get; init; }

    public required TerminalKind Kind { get; set; }

    public required RailGauges Gauges { get; set; }

    public double HandlingHours { get; set; }

    public double HandlingUsd { get; set; }

    public double DwellP50Hours { get; set; }

    public double DwellP90Hours { get; set; }

    public CountryCode Country => Locode.Country;

    public Terminal ToTerminal() =>
        new(Locode, Name, Country, Position, Kind, Gauges, HandlingHours, HandlingUsd, DwellP50Hours, DwellP90Hours,
            LocodeStatus.Custom, "position=E;handling=E;dwell=E", "synthetic");
}
