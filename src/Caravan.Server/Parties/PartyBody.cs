namespace Caravan.Server.Parties;

/// <summary>A party to register: <c>{"id": "ktz", "name": "Kazakhstan Temir Zholy", "country": "KZ", "kind": "carrier"}</c>.</summary>
public sealed record PartyBody
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Country { get; init; }

    public string? Kind { get; init; }
}
