using Caravan.Core.Events;
using Caravan.Core.Geography;
using Caravan.Core.Shipments;

namespace Caravan.Server.Demo;

/// <summary>
/// A demo event before it is classified and signed: who writes it, when it happens (or is planned to), its family
/// and type code, and its document, transport call and place.
/// </summary>
internal sealed record DemoDraft(
    PartyId Author,
    DateTimeOffset Time,
    EventType Type,
    string Code,
    Locode? Location,
    DocumentTypeCode? Document = null,
    string? DocumentId = null,
    DemoCall? Call = null)
{
    /// <summary>Only carriers publish plans and estimates; documents, customs decisions and receipts are facts or nothing.</summary>
    public bool MayBeForecast => Type is EventType.TRANSPORT or EventType.EQUIPMENT && Code is "LOAD" or "DISC" or "ARRI" or "DEPA";
}
