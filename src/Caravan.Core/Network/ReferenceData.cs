using Caravan.Core.Geography;
using Caravan.Core.Shipments;

namespace Caravan.Core.Network;

/// <summary>The reference tables a network is built against: countries, emission factors, container types.</summary>
public sealed record ReferenceData(
    CountryDirectory Countries,
    IReadOnlyList<EmissionFactor> EmissionFactors,
    IReadOnlyList<ContainerType> ContainerTypes);
