using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Events;

/// <summary>
/// A carrier whose id or name is the operator of legs of the itinerary (party <c>ktz</c>, operator <c>KTZ</c> or
/// <c>CR / KTZ</c>) writes its transport and equipment events only at those legs' terminals.
/// </summary>
public sealed class CarrierLegTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task A_carrier_operating_legs_writes_at_their_terminals_and_nowhere_else()
    {
        var response = await record.Client("forwarder").PostAsJsonAsync("/api/plan", Api.PlanRequest());
        var plan = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var itinerary = plan["itineraries"]![0]!;
        var allLegs = itinerary["legs"]!.AsArray().Select(l => l!).ToList();

        // The first operator named on the itinerary that can be a party id ("CR" → party "cr") becomes a carrier party.
        var operatorName = allLegs.SelectMany(Operators).First(o => PartyIdLike(o));
        var partyId = operatorName.ToLowerInvariant();
        var (carrier, _) = await record.Factory.PartyAsync(partyId, "carrier", "CN");
        using var key = await EventApi.RegisterKeyAsync(carrier, partyId);
        var shipment = await Api.CreateShipmentAsync(
            record.Client("forwarder"),
            Api.ShipmentBody("xian-shipper", "dui-consignee", plan["request"]!.AsObject(), itinerary["itineraryId"]!.GetValue<string>(), (partyId, "carrier")));
        var legs = allLegs.Where(l => Operators(l).Contains(operatorName, StringComparer.OrdinalIgnoreCase)).ToList();
        var terminals = legs.SelectMany(l => new[] { l["from"]!.GetValue<string>(), l["to"]!.GetValue<string>() }).ToHashSet();
        var elsewhere = allLegs.Select(l => l["to"]!.GetValue<string>()).First(p => !terminals.Contains(p));

        var atItsTerminal = await EventApi.PostAsync(carrier, shipment, EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "ARRI", place: terminals.First()), key));
        var away = await EventApi.PostAsync(carrier, shipment, EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "DISC", place: elsewhere), key));
        var nowhere = EventApi.Event(shipment, "EQUIPMENT", "LOAD");
        nowhere.Remove("transportCall");
        nowhere.Remove("eventLocation");
        var placeless = await EventApi.PostAsync(carrier, shipment, EventApi.Envelope(nowhere, key));

        Assert.Equal(HttpStatusCode.Created, atItsTerminal.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, away.StatusCode);
        Assert.Contains($"not at {elsewhere}", (await Api.ProblemAsync(away))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, placeless.StatusCode);
        Assert.Contains("names no place", (await Api.ProblemAsync(placeless))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_railway_on_a_run_that_several_operate_writes_at_that_runs_ends_and_nowhere_else()
    {
        // The first itinerary's run from Dostyk to Poland is KTZ, then RZD, then BCh, then PKP: one leg, four railways.
        var response = await record.Client("forwarder").PostAsJsonAsync("/api/plan", Api.PlanRequest());
        var plan = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var itinerary = plan["itineraries"]![0]!;
        var run = itinerary["legs"]!.AsArray().Select(l => l!).Single(l => l["from"]!.GetValue<string>() == "KZDSK" && l["service"] is null);

        var (railway, _) = await record.Factory.PartyAsync("rzd", "carrier", "RU");
        using var key = await EventApi.RegisterKeyAsync(railway, "rzd");
        var shipment = await Api.CreateShipmentAsync(
            record.Client("forwarder"),
            Api.ShipmentBody("xian-shipper", "dui-consignee", plan["request"]!.AsObject(), itinerary["itineraryId"]!.GetValue<string>(), ("rzd", "carrier")));

        var atItsRun = await EventApi.PostAsync(railway, shipment, EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA", place: run["from"]!.GetValue<string>()), key));
        var atTheOrigin = await EventApi.PostAsync(railway, shipment, EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA", place: Api.Origin), key));

        Assert.Equal(HttpStatusCode.Created, atItsRun.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, atTheOrigin.StatusCode);
        Assert.Equal(["KTZ", "RZD", "BCh", "PKP"], Operators(run));
    }

    private static string[] Operators(JsonNode leg) => leg["operator"]!.GetValue<string>().Split('/', StringSplitOptions.TrimEntries);

    private static bool PartyIdLike(string name) => name.Length is >= 2 and <= 20 && name.All(char.IsAsciiLetterOrDigit);
}
