using Caravan.Core.Geography;

namespace Caravan.Core.Simulation;

/// <summary>An origin and destination a simulated shipment is booked between, and the countries its route avoids.</summary>
public sealed record SimulationLane(Locode From, Locode To, IReadOnlyList<CountryCode> AvoidCountries);
