using Caravan.Core.Geography;

namespace Caravan.Core.Simulation;

/// <summary>
/// An origin and destination a simulated shipment is booked between, the countries its route avoids, and the earliest
/// departure (UTC, whole minutes) to plan it from.
/// </summary>
public sealed record SimulationLane(Locode From, Locode To, IReadOnlyList<CountryCode> AvoidCountries, DateTimeOffset EarliestDeparture);
