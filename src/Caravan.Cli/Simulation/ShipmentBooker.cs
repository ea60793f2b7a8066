using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Network;
using Caravan.Core.Shipments;
using Caravan.Core.Simulation;
using Caravan.Core.Telemetry;
using Caravan.Server.Planning;

namespace Caravan.Cli.Simulation;

/// <summary>
/// Books one simulated shipment through the API, as a forwarder would: plans a lane (<c>POST /api/plan</c>), books
/// one of the itineraries (<c>POST /api/shipments</c>), registers a tracker for its container (<c>POST /api/devices</c>)
/// and binds it from the tracker's first reading (<c>POST /api/devices/{id}/bindings</c>). The tracker follows the
/// itinerary the server booked, drawn over the local copy of the corridor network.
/// </summary>
public sealed class ShipmentBooker(CaravanApi api, CorridorNetwork network, SimulationSettings settings, string party)
{
    private const int LaneAttempts = 6;

    /// <summary>
    /// Books shipment <paramref name="index"/> of the run on an itinerary that leaves before <paramref name="latestDeparture"/>
    /// and no earlier than <see cref="SimulationLanes.HistoryBefore"/> before <paramref name="windowStart"/> (a container already on its way
    /// when the simulation starts); null when no lane drawn had such a route.
    /// </summary>
    public async Task<SimulatedShipment?> BookAsync(
        string runTag, int index, int seed, DateTimeOffset windowStart, DateTimeOffset latestDeparture, CancellationToken cancellationToken)
    {
        var random = new Random(SimulationSeed.Mix(seed, index));
        for (var attempt = 0; attempt < LaneAttempts; attempt++)
        {
            var lane = SimulationLanes.Draw(network, random, windowStart, latestDeparture)
                ?? throw new SimulationFailure(ExitCodes.BadInput, "the corridor network has none of the simulation's lanes (Chinese origins, European destinations)");
            var planRequest = new PlanRequestBody
            {
                From = lane.From.Value,
                To = lane.To.Value,
                EarliestDeparture = lane.EarliestDeparture,
                DepartureWindowHours = 48,
                AvoidCountries = lane.AvoidCountries.Select(c => c.Value).ToList(),
                Modes = ["rail", "road", "ferry"],
            };
            var plan = await api.SendAsync("planning", HttpMethod.Post, "api/plan", planRequest, cancellationToken).ConfigureAwait(false);
            var itineraries = (plan?["itineraries"]?.AsArray() ?? [])
                .Where(i => i!["departure"]!.GetValue<DateTimeOffset>() <= latestDeparture)
                .ToList();
            if (itineraries.Count == 0)
            {
                continue;
            }

            var chosen = itineraries[random.Next(Math.Min(3, itineraries.Count))]!;
            var goods = Goods[random.Next(Goods.Length)];
            var container = ContainerNumber.Create("SIM", 'U', random.Next(100_000, 1_000_000)).ToString();
            var booking = new JsonObject
            {
                ["consignment"] = new JsonObject
                {
                    ["consignor"] = party,
                    ["consignee"] = party,
                    ["placeOfTakingOver"] = lane.From.Value,
                    ["placeOfDelivery"] = lane.To.Value,
                    ["goodsDescription"] = goods.Description,
                    ["hsCode"] = goods.HsCode,
                    ["numberOfPackages"] = random.Next(10, 400),
                    ["grossMassKg"] = random.Next(4_000, 26_000),
                },
                ["containers"] = new JsonArray(new JsonObject { ["number"] = container }),
                ["itinerary"] = new JsonObject { ["plan"] = plan!["request"]!.DeepClone(), ["itineraryId"] = chosen["itineraryId"]!.DeepClone() },
            };
            var shipment = await api.SendAsync("booking a shipment", HttpMethod.Post, "api/shipments", booking, cancellationToken).ConfigureAwait(false);
            var shipmentId = shipment!["id"]!.GetValue<string>();
            var itinerary = shipment["itinerary"]!.Deserialize<ItineraryResponse>(CaravanApi.Json)!.ToShipmentItinerary();

            var device = DeviceId.Parse(string.Create(CultureInfo.InvariantCulture, $"sim-{runTag}-{index + 1:D4}"));
            var tracker = VirtualTracker.TryCreate(device, itinerary, network, settings, SimulationSeed.Mix(seed, index + 1_000_000), out var problem)
                ?? throw new SimulationFailure(ExitCodes.BadInput, $"the server's itinerary for {shipmentId} does not fit the local corridor network ({problem}); pass the server's network with --network");
            var kind = tracker.Profile.Reefer ? "reefer-controller" : "gps-tracker";
            var registered = await api.SendAsync(
                "registering a device", HttpMethod.Post, "api/devices", new { id = device.Value, kind, label = $"caravan simulate {runTag}" }, cancellationToken).ConfigureAwait(false);
            var token = registered!["token"]!.GetValue<string>();
            await api.SendAsync(
                "binding a device", HttpMethod.Post, $"api/devices/{device.Value}/bindings", new { shipment = shipmentId, container, from = tracker.Journey.Start }, cancellationToken).ConfigureAwait(false);
            return new SimulatedShipment(shipmentId, container, lane.From.Value, lane.To.Value, itinerary.Corridor, tracker, token);
        }

        return null;
    }

    private static readonly (string Description, string HsCode)[] Goods =
    [
        ("Laptop computers", "8471.30"),
        ("Lithium-ion batteries", "8507.60"),
        ("Solar panels", "8541.43"),
        ("Auto parts", "8708.99"),
        ("Cotton textiles", "5208.52"),
        ("Frozen poultry", "0207.14"),
        ("Fresh apples", "0808.10"),
        ("Furniture", "9403.60"),
    ];
}
