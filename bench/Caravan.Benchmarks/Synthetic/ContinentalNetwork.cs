using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Shipments;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>
/// A generated continental network as plain records — what the loader would read from CSV — so it can be
/// written out as the real files (<see cref="ContinentalNetworkWriter"/>) or compiled directly in memory.
/// </summary>
public sealed record ContinentalNetwork(
    ContinentalNetworkOptions Options,
    IReadOnlyList<Terminal> Terminals,
    IReadOnlyList<Link> Links,
    IReadOnlyList<Service> Services,
    IReadOnlyList<Corridor> Corridors,
    IReadOnlyList<Country> Countries,
    IReadOnlyList<EmissionFactor> EmissionFactors,
    IReadOnlyList<ContainerType> ContainerTypes)
{
    /// <summary>Departures of every service in a week.</summary>
    public int WeeklyDepartures => Services.Sum(s => s.Departures.Count);

    public int ServiceStops => Services.Sum(s => s.Stops.Count);

    public ReferenceData Reference => new(new CountryDirectory(Countries), EmissionFactors, ContainerTypes);

    /// <summary>Compiles the records without going through CSV (no validation: the generator keeps them consistent).</summary>
    public CorridorNetwork Compile() => CorridorNetwork.Compile(Terminals, Links, Services, Corridors, Reference);
}
