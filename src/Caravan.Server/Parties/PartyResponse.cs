using Caravan.Core.Shipments;
using Caravan.Server.Json;

namespace Caravan.Server.Parties;

/// <summary>A party as the API shows it.</summary>
public sealed record PartyResponse(string Id, string Name, string Country, string Kind)
{
    public static PartyResponse From(Party party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return new PartyResponse(party.Id.Value, party.Name, party.Country.Value, EnumText.Of(party.Kind));
    }
}
