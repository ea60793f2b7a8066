using Caravan.Core.Geography;

namespace Caravan.Core.Network;

/// <summary>A call of a service at a terminal; offsets are hours after the departure from the first stop.</summary>
public sealed record ServiceStop(Locode Locode, double? ArrivalHours, double? DepartureHours);
