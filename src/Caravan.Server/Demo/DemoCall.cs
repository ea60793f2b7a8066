using Caravan.Core.Events;
using Caravan.Core.Geography;

namespace Caravan.Server.Demo;

/// <summary>A demo event's DCSA transport call: the mode, the place, what kind of facility it is, the carrier's call reference and the train service.</summary>
internal sealed record DemoCall(ModeOfTransport Mode, Locode Place, FacilityTypeCode Facility, string Reference, string? RailService);
