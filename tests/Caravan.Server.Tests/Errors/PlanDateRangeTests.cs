using System.Net;
using System.Net.Http.Json;

namespace Caravan.Server.Tests.Errors;

/// <summary>
/// A departure the planner cannot count from (it counts minutes from Monday 3 January 2000, up to a limit in the year
/// 4042) is a 400 naming the field and the range, through /api/plan and in a shipment's plan, not a 500.
/// </summary>
public sealed class PlanDateRangeTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("1900-01-01T00:00:00Z", 168)]
    [InlineData("2000-01-01T00:00:00Z", 168)]
    [InlineData("9999-12-31T23:00:00Z", 168)]
    [InlineData("4042-01-01T00:00:00Z", 0)]
    [InlineData("4041-07-14T00:00:00Z", 48)]
    public async Task A_departure_out_of_the_planners_range_is_a_400_naming_the_field(string departure, int windowHours)
    {
        var response = await PlanAsync(departure, windowHours);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var errors = (await Api.ProblemAsync(response))["errors"]!.AsObject();
        Assert.Equal(["$.earliestDeparture"], errors.Select(e => e.Key));
        Assert.Contains("2000-01-03T00:00Z", errors["$.earliestDeparture"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2000-01-03T00:00:00Z", 168)]
    [InlineData("2000-01-08T00:00:00Z", 168)]
    [InlineData("4041-07-14T00:00:00Z", 24)]
    public async Task Departures_within_the_range_are_planned(string departure, int windowHours)
    {
        var response = await PlanAsync(departure, windowHours);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_shipments_plan_out_of_range_is_a_400_at_its_full_path()
    {
        var (plan, itinerary) = await Api.PlanAsync(server.Forwarder);
        var body = Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary);
        body["itinerary"]!["plan"]!["earliestDeparture"] = "1900-01-01T00:00:00Z";

        var response = await server.Forwarder.PostAsync("/api/shipments", Api.Json(body));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var errors = (await Api.ProblemAsync(response))["errors"]!.AsObject();
        Assert.Contains("$.itinerary.plan.earliestDeparture", errors.Select(e => e.Key));
    }

    private Task<HttpResponseMessage> PlanAsync(string departure, int windowHours)
    {
        var request = Api.PlanRequest();
        request["earliestDeparture"] = departure;
        request["departureWindowHours"] = windowHours;
        return server.Forwarder.PostAsJsonAsync("/api/plan", request);
    }
}
