using Caravan.Core.Shipments;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Server.Planning;

/// <summary>
/// <c>POST /api/plan</c>: the route planner over the server's corridor network. Each itinerary carries a stable
/// <c>itineraryId</c>; a shipment books one by sending the echoed request and that id.
/// </summary>
public static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plan").WithTags("Plan").RequireAuthorization(AccessPolicies.Any);
        group.MapPost("/", Plan).WithName("Plan").WithSummary("Compare routes: the Pareto set of itineraries by arrival, cost and CO2e.");
        return group;
    }

    internal static Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult> Plan(
        PlanRequestBody request,
        CorridorNetworkProvider networks,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var planner = networks.Planner(out var problem);
        if (planner is null)
        {
            return TypedResults.Problem($"The planner is unavailable: {problem}.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var errors = new FieldErrors();
        var tomorrow = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var routeRequest = PlanRequestReader.Read(request, planner.Network, "$", errors, tomorrow);
        if (routeRequest is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The plan request has invalid fields.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var result = planner.Plan(routeRequest);
        var response = new PlanResponse(
            PlanRequestReader.Echo(routeRequest),
            result.Itineraries.Select(i => ItineraryResponse.From(ShipmentItinerary.From(i))).ToList(),
            result.Found ? null : result.NoRouteReason);
        return TypedResults.Ok(response);
    }
}
