using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Core.Planning;

/// <summary>
/// What an itinerary must respect: countries and terminals it may not touch (including those a service merely
/// passes through, and countries a link crosses), the modes it may use and the most transfers it may make.
/// </summary>
public sealed record RouteConstraints
{
    public static RouteConstraints None { get; } = new();

    public IReadOnlySet<CountryCode> AvoidCountries { get; init; } = new HashSet<CountryCode>();

    public IReadOnlySet<Locode> AvoidTerminals { get; init; } = new HashSet<Locode>();

    /// <summary>The modes allowed; every mode when empty.</summary>
    public IReadOnlySet<TransportMode> AllowedModes { get; init; } = new HashSet<TransportMode>();

    /// <summary>The most changes of vehicle, service or gauge; unlimited when null.</summary>
    public int? MaxTransfers { get; init; }

    public bool Allows(TransportMode mode) => AllowedModes.Count == 0 || AllowedModes.Contains(mode);
}
