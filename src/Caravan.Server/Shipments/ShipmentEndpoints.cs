using System.Security.Claims;
using Caravan.Core.Shipments;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Server.Events;
using Caravan.Server.Hosting;
using Caravan.Server.Json;
using Caravan.Server.Progress;
using Caravan.Server.Telemetry;
using Caravan.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Server.Shipments;

/// <summary>
/// Shipments, for parties holding a role on them: <c>POST /api/shipments</c> (a forwarder or shipper books one),
/// <c>GET /api/shipments</c> (the caller's), <c>GET /api/shipments/{id}</c> (404 unless the caller holds a role), each with its status derived from its events,
/// its estimated arrival and its unresolved alerts; and <c>GET /api/shipments/{id}/positions</c>, where its containers' trackers last saw them.
/// </summary>
public static class ShipmentEndpoints
{
    public static RouteGroupBuilder MapShipmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/shipments").WithTags("Shipments").RequireAuthorization(AccessPolicies.Party);
        group.MapPost("/", CreateAsync).WithName("CreateShipment").WithSummary("Book a shipment on an itinerary from POST /api/plan (forwarder or shipper).");
        group.MapGet("/", ListAsync).WithName("ListShipments").WithSummary("The shipments the caller holds a role in, newest first.");
        group.MapGet("/{id}", GetAsync).WithName("GetShipment").WithSummary("One shipment the caller holds a role in.");
        group.MapGet("/{id}/positions", PositionsAsync).WithName("GetShipmentPositions").WithSummary("The newest reading of each tracker bound to the shipment's containers.");
        return group;
    }

    internal static async Task<Results<Created<ShipmentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ShipmentBody body,
        ClaimsPrincipal user,
        IPartyStore parties,
        IShipmentStore shipments,
        CorridorNetworkProvider networks,
        TimeProvider clock,
        ILogger<ShipmentBody> logger,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (ShipmentRoles.CreatorRole(caller.PartyKind!.Value) is not { } creatorRole)
        {
            return TypedResults.Problem(
                $"Booking a shipment needs a forwarder or shipper party; '{caller.Party}' is a {EnumText.Of(caller.PartyKind.Value)}.",
                statusCode: StatusCodes.Status403Forbidden,
                title: ProblemDetailsDefaults.TitleOf(403));
        }

        var planner = networks.Planner(out var problem);
        if (planner is null)
        {
            return TypedResults.Problem($"The planner is unavailable: {problem}.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var creator = await parties.FindAsync(caller.RequiredParty, cancellationToken).ConfigureAwait(false);
        if (creator is null)
        {
            return TypedResults.Problem("The caller's party no longer exists.", statusCode: StatusCodes.Status403Forbidden, title: ProblemDetailsDefaults.TitleOf(403));
        }

        var errors = new FieldErrors();
        var shipment = await ShipmentRequestReader.ReadAsync(body, creator, creatorRole, parties, planner, clock.GetUtcNow(), errors, cancellationToken).ConfigureAwait(false);
        if (shipment is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The shipment has invalid fields; nothing was stored.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        await shipments.CreateAsync(shipment, cancellationToken).ConfigureAwait(false);
        Log.ShipmentCreated(logger, creator.Id.Value, shipment.Id.Value, shipment.Itinerary.Id);
        return TypedResults.Created($"/api/shipments/{shipment.Id}", ShipmentResponse.From(shipment, shipment.RolesOf(creator.Id)));
    }

    internal static async Task<Ok<List<ShipmentResponse>>> ListAsync(
        ClaimsPrincipal user, IShipmentStore shipments, ShipmentStatuses statuses, IAlertStore alerts, ProgressWorker progress, CancellationToken cancellationToken)
    {
        var party = Caller.From(user).RequiredParty;
        var list = await shipments.ListForPartyAsync(party, cancellationToken).ConfigureAwait(false);
        var unresolved = await alerts.CountUnresolvedAsync(party, cancellationToken).ConfigureAwait(false);
        var status = await statuses.OfPartyAsync(party, list, cancellationToken).ConfigureAwait(false);
        var responses = new List<ShipmentResponse>(list.Count);
        foreach (var shipment in list)
        {
            var eta = await progress.LatestEtaAsync(shipment.Id, cancellationToken).ConfigureAwait(false);
            responses.Add(ShipmentResponse.From(shipment, shipment.RolesOf(party), status[shipment.Id], eta, unresolved.GetValueOrDefault(shipment.Id)));
        }

        return TypedResults.Ok(responses);
    }

    internal static async Task<Results<Ok<ShipmentResponse>, ProblemHttpResult>> GetAsync(
        string id,
        ClaimsPrincipal user,
        ShipmentAccess access,
        ShipmentStatuses statuses,
        IAlertStore alerts,
        ProgressWorker progress,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (await access.FindAsync(caller, id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return NotFound(id);
        }

        var status = await statuses.OfAsync(found.Shipment, cancellationToken).ConfigureAwait(false);
        var eta = await progress.LatestEtaAsync(found.Shipment.Id, cancellationToken).ConfigureAwait(false);
        var unresolved = await alerts.CountUnresolvedAsync(caller.RequiredParty, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ShipmentResponse.From(found.Shipment, found.Roles, status, eta, unresolved.GetValueOrDefault(found.Shipment.Id)));
    }

    internal static async Task<Results<Ok<List<ContainerPositionResponse>>, ProblemHttpResult>> PositionsAsync(
        string id, ClaimsPrincipal user, ShipmentAccess access, IDeviceStore devices, IReadingStore readings, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(Caller.From(user), id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return NotFound(id);
        }

        var bindings = await devices.ListShipmentBindingsAsync(found.Shipment.Id, cancellationToken).ConfigureAwait(false);
        var positions = new List<ContainerPositionResponse>(bindings.Count);
        foreach (var binding in bindings)
        {
            var latest = await readings.LatestAsync(binding.Device, binding.From, binding.To, cancellationToken).ConfigureAwait(false);
            positions.Add(new ContainerPositionResponse(
                binding.Device.Value, binding.Container.Value, binding.From, binding.To, latest is null ? null : ReadingResponse.Of(latest)));
        }

        return TypedResults.Ok(positions);
    }

    /// <summary>The one answer for a shipment that does not exist and for one the caller holds no role in.</summary>
    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"There is no shipment '{id}' that you hold a role in.", statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsDefaults.TitleOf(404));
}
