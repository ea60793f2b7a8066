using Caravan.Core.Geography;
using Caravan.Core.Planning;
using Caravan.Core.Shipments;
using Caravan.Server.Errors;
using Caravan.Server.Json;
using Caravan.Server.Planning;
using Caravan.Storage;

namespace Caravan.Server.Shipments;

/// <summary>
/// Checks a <see cref="ShipmentBody"/> field by field — parties known and allowed their roles, LOCODEs, HS code,
/// ISO 6346 check digits, seals, and the chosen itinerary re-planned on the server — and builds the
/// <see cref="Shipment"/>, or records every error under the JSON path of its field.
/// </summary>
public static class ShipmentRequestReader
{
    private const int MaxContainers = 1000;
    private const int MaxSeals = 20;

    public static async Task<Shipment?> ReadAsync(
        ShipmentBody body,
        Party creator,
        ShipmentRole creatorRole,
        IPartyStore partyStore,
        RoutePlanner planner,
        DateTimeOffset now,
        FieldErrors errors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(creator);
        ArgumentNullException.ThrowIfNull(partyStore);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(errors);
        var known = new Dictionary<PartyId, Party?> { [creator.Id] = creator };
        async Task<Party?> Lookup(PartyId id)
        {
            if (!known.TryGetValue(id, out var party))
            {
                known[id] = party = await partyStore.FindAsync(id, cancellationToken).ConfigureAwait(false);
            }

            return party;
        }

        var roles = new List<ShipmentParty> { new(creator.Id, creatorRole) };
        for (var i = 0; i < (body.Parties?.Count ?? 0); i++)
        {
            var entry = body.Parties![i];
            var path = $"$.parties[{i}]";
            if (entry is null)
            {
                errors.Missing(path);
                continue;
            }

            var party = await PartyAt(entry.Party, $"{path}.party", errors, Lookup).ConfigureAwait(false);
            ShipmentRole role = default;
            var roleOk = entry.Role is null
                ? errors.Missing($"{path}.role")
                : EnumText.TryParse(entry.Role, out role) || Fail(errors, $"{path}.role", $"'{entry.Role}' is not a role ({EnumText.All<ShipmentRole>()}).");
            if (party is not null && roleOk)
            {
                if (ShipmentRoles.Allows(party.Kind, role))
                {
                    roles.Add(new ShipmentParty(party.Id, role));
                }
                else
                {
                    errors.Add($"{path}.role", $"Party '{party.Id}' is a {EnumText.Of(party.Kind)}, which may not hold the role {EnumText.Of(role)} (it may hold: {string.Join(", ", ShipmentRoles.AllowedFor(party.Kind).Select(EnumText.Of))}).");
                }
            }
        }

        var consignment = await ConsignmentAsync(body.Consignment, errors, Lookup, roles).ConfigureAwait(false);
        var containers = Containers(body.Containers, errors);
        var itinerary = Itinerary(body.Itinerary, planner, errors);
        var temperature = Temperature(body.TemperatureRange, errors);
        if (consignment is not null && itinerary is not null)
        {
            PlacesOnItinerary(consignment, itinerary, errors);
        }

        if (errors.Any || consignment is null || containers is null || itinerary is null)
        {
            return null;
        }

        return new Shipment
        {
            Id = ShipmentIds.New(),
            CreatedBy = creator.Id,
            CreatedAt = now,
            Parties = roles.Distinct().ToList(),
            Consignment = consignment,
            Containers = containers,
            Itinerary = itinerary,
            TemperatureRange = temperature,
        };
    }

    /// <summary>
    /// The consignment's places are where the chosen itinerary starts and ends: an arrival at the place of delivery
    /// marks the shipment delivered (<see cref="Core.Events.ShipmentStatus"/>), so one anywhere else on the way would
    /// end the shipment mid-route.
    /// </summary>
    private static void PlacesOnItinerary(Consignment consignment, ShipmentItinerary itinerary, FieldErrors errors)
    {
        const string P = "$.consignment";
        var (first, last) = (itinerary.Legs[0].From, itinerary.Legs[^1].To);
        if (consignment.PlaceOfTakingOver != first)
        {
            errors.Add($"{P}.placeOfTakingOver", $"'{consignment.PlaceOfTakingOver}' is not where the chosen itinerary starts ({first}).");
        }

        if (consignment.PlaceOfDelivery != last)
        {
            errors.Add($"{P}.placeOfDelivery", $"'{consignment.PlaceOfDelivery}' is not where the chosen itinerary ends ({last}).");
        }
    }

    private static TemperatureRange? Temperature(TemperatureRangeBody? body, FieldErrors errors)
    {
        const string P = "$.temperatureRange";
        if (body is null)
        {
            return null;
        }

        if (body.MinC is null)
        {
            errors.Missing($"{P}.minC");
        }

        if (body.MaxC is null)
        {
            errors.Missing($"{P}.maxC");
        }

        if (body.MinC is null || body.MaxC is null)
        {
            return null;
        }

        if (!TemperatureRange.TryValidate(body.MinC.Value, body.MaxC.Value, out var problem))
        {
            errors.Add(P, problem!);
            return null;
        }

        return new TemperatureRange(body.MinC.Value, body.MaxC.Value);
    }

    private static async Task<Consignment?> ConsignmentAsync(ConsignmentBody? body, FieldErrors errors, Func<PartyId, Task<Party?>> lookup, List<ShipmentParty> roles)
    {
        const string P = "$.consignment";
        if (body is null)
        {
            errors.Missing(P);
            return null;
        }

        var consignor = await PartyAt(body.Consignor, $"{P}.consignor", errors, lookup).ConfigureAwait(false);
        if (consignor is not null && !ShipmentRoles.Allows(consignor.Kind, ShipmentRole.Shipper))
        {
            errors.Add($"{P}.consignor", $"Party '{consignor.Id}' is a {EnumText.Of(consignor.Kind)}; the consignor must be a shipper or a forwarder.");
            consignor = null;
        }

        var consignee = await PartyAt(body.Consignee, $"{P}.consignee", errors, lookup).ConfigureAwait(false);
        if (consignee is not null && !ShipmentRoles.Allows(consignee.Kind, ShipmentRole.Consignee))
        {
            errors.Add($"{P}.consignee", $"Party '{consignee.Id}' is a {EnumText.Of(consignee.Kind)}; the consignee must be a consignee or a forwarder.");
            consignee = null;
        }

        var from = Place(body.PlaceOfTakingOver, $"{P}.placeOfTakingOver", errors);
        var to = Place(body.PlaceOfDelivery, $"{P}.placeOfDelivery", errors);
        var goods = body.GoodsDescription?.Trim();
        if (string.IsNullOrEmpty(goods))
        {
            errors.Missing($"{P}.goodsDescription");
        }
        else if (goods.Length > Consignment.MaxDescriptionLength)
        {
            errors.Add($"{P}.goodsDescription", $"The description is longer than {Consignment.MaxDescriptionLength} characters.");
        }

        HsCode hs = default;
        var hsOk = body.HsCode is null
            ? errors.Missing($"{P}.hsCode")
            : HsCode.TryParse(body.HsCode, out hs) || Fail(errors, $"{P}.hsCode", $"'{body.HsCode}' is not an HS code (6, 8 or 10 digits, e.g. 8471.30).");
        if (body.NumberOfPackages is null)
        {
            errors.Missing($"{P}.numberOfPackages");
        }
        else if (body.NumberOfPackages < 1)
        {
            errors.Add($"{P}.numberOfPackages", "The number of packages must be at least 1.");
        }

        if (body.GrossMassKg is null)
        {
            errors.Missing($"{P}.grossMassKg");
        }
        else if (!(body.GrossMassKg > 0) || double.IsInfinity(body.GrossMassKg.Value))
        {
            errors.Add($"{P}.grossMassKg", "The gross mass must be a number of kilograms greater than 0.");
        }

        if (consignor is null || consignee is null || from is null || to is null || !hsOk || errors.Any)
        {
            return null;
        }

        roles.Add(new ShipmentParty(consignor.Id, ShipmentRole.Shipper));
        roles.Add(new ShipmentParty(consignee.Id, ShipmentRole.Consignee));
        return new Consignment
        {
            Consignor = consignor.Id,
            Consignee = consignee.Id,
            PlaceOfTakingOver = from.Value,
            PlaceOfDelivery = to.Value,
            GoodsDescription = goods!,
            HsCode = hs,
            NumberOfPackages = body.NumberOfPackages!.Value,
            GrossMassKg = body.GrossMassKg!.Value,
        };
    }

    private static List<ShipmentContainer>? Containers(IReadOnlyList<ContainerBody>? bodies, FieldErrors errors)
    {
        if (bodies is null || bodies.Count == 0)
        {
            errors.Add("$.containers", "At least one container is required.");
            return null;
        }

        if (bodies.Count > MaxContainers)
        {
            errors.Add("$.containers", $"A shipment has at most {MaxContainers} containers.");
            return null;
        }

        var containers = new List<ShipmentContainer>();
        var seen = new HashSet<ContainerNumber>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var path = $"$.containers[{i}]";
            var body = bodies[i];
            if (body is null)
            {
                errors.Missing(path);
                continue;
            }

            var numberOk = ContainerNumber.TryParse(body.Number, out var number, out var why);
            if (!numberOk)
            {
                errors.Add($"{path}.number", why!);
            }
            else if (!seen.Add(number))
            {
                errors.Add($"{path}.number", $"Container {number} is listed twice.");
            }

            var seals = new List<ContainerSeal>();
            var sealBodies = body.Seals ?? [];
            if (sealBodies.Count > MaxSeals)
            {
                errors.Add($"{path}.seals", $"A container has at most {MaxSeals} seals.");
            }

            for (var s = 0; s < Math.Min(sealBodies.Count, MaxSeals); s++)
            {
                var seal = sealBodies[s];
                var sealPath = $"{path}.seals[{s}]";
                if (seal is null)
                {
                    errors.Missing(sealPath);
                    continue;
                }

                var sealNumber = seal.Number?.Trim();
                var sealNumberOk = string.IsNullOrEmpty(sealNumber)
                    ? errors.Missing($"{sealPath}.number")
                    : sealNumber.Length <= ContainerSeal.MaxNumberLength
                        || Fail(errors, $"{sealPath}.number", $"A seal number has at most {ContainerSeal.MaxNumberLength} characters.");
                SealSource source = default;
                var sourceOk = seal.Source is null
                    ? errors.Missing($"{sealPath}.source")
                    : EnumText.TryParse(seal.Source, out source) || Fail(errors, $"{sealPath}.source", $"'{seal.Source}' is not a seal source ({EnumText.All<SealSource>()}).");
                if (sealNumberOk && sourceOk)
                {
                    seals.Add(new ContainerSeal(sealNumber!, source));
                }
            }

            if (numberOk)
            {
                containers.Add(new ShipmentContainer(number, seals));
            }
        }

        return errors.Any ? null : containers;
    }

    // The client names an itinerary by id; the server plans the same request again (planning is deterministic for a
    // network and request) and books its own copy, so an itinerary edited on the client can never be stored.
    private static ShipmentItinerary? Itinerary(ItineraryChoiceBody? body, RoutePlanner planner, FieldErrors errors)
    {
        const string P = "$.itinerary";
        if (body is null)
        {
            errors.Missing(P);
            return null;
        }

        if (body.Plan is null)
        {
            errors.Missing($"{P}.plan");
        }

        if (string.IsNullOrWhiteSpace(body.ItineraryId))
        {
            errors.Missing($"{P}.itineraryId");
        }

        if (body.Plan is null || string.IsNullOrWhiteSpace(body.ItineraryId))
        {
            return null;
        }

        var request = PlanRequestReader.Read(body.Plan, planner.Network, $"{P}.plan", errors, defaultDeparture: null);
        if (request is null)
        {
            return null;
        }

        var chosen = planner.Plan(request).Itineraries
            .Select(ShipmentItinerary.From)
            .FirstOrDefault(i => string.Equals(i.Id, body.ItineraryId.Trim(), StringComparison.Ordinal));
        if (chosen is null)
        {
            errors.Add($"{P}.itineraryId", $"No itinerary '{body.ItineraryId}' is offered for this plan request now; POST it to /api/plan again and choose from the answer.");
        }

        return chosen;
    }

    private static async Task<Party?> PartyAt(string? text, string path, FieldErrors errors, Func<PartyId, Task<Party?>> lookup)
    {
        if (text is null)
        {
            errors.Missing(path);
            return null;
        }

        if (!PartyId.TryParse(text, out var id))
        {
            errors.Add(path, $"'{text}' is not a party id.");
            return null;
        }

        var party = await lookup(id).ConfigureAwait(false);
        if (party is null)
        {
            errors.Add(path, $"There is no party '{id}'.");
        }

        return party;
    }

    private static Locode? Place(string? text, string path, FieldErrors errors)
    {
        if (text is null)
        {
            errors.Missing(path);
            return null;
        }

        if (!Locode.TryParse(text, out var locode))
        {
            errors.Add(path, $"'{text}' is not a UN/LOCODE (two letters, then three of A–Z or 2–9).");
            return null;
        }

        return locode;
    }

    private static bool Fail(FieldErrors errors, string path, string message)
    {
        errors.Add(path, message);
        return false;
    }
}
