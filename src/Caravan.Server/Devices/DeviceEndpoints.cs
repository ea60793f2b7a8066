using System.Security.Claims;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Server.Devices;

/// <summary>
/// Devices, for the party that registered them: <c>POST /api/devices</c> (answers the device's HTTP token, once),
/// <c>POST /api/devices/batch</c> (a fleet at once, all or none),
/// <c>GET /api/devices</c>, <c>GET /api/devices/{id}</c>, and their bindings to a container of a shipment the owner
/// holds a role in: <c>POST|GET /api/devices/{id}/bindings</c>, <c>DELETE /api/devices/{id}/bindings/current</c>,
/// <c>POST /api/devices/{id}/unbind</c>. Another party's device is 404, as if it did not exist.
/// </summary>
public static class DeviceEndpoints
{
    private const int MaxLabelLength = 200;

    /// <summary>The most devices one <c>POST /api/devices/batch</c> registers (one transaction, one answer of tokens).</summary>
    public const int MaxBatchDevices = 1000;

    private const int MaxTakenNamed = 20;

    public static RouteGroupBuilder MapDeviceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/devices").WithTags("Devices").RequireAuthorization(AccessPolicies.Party);
        group.MapPost("/", RegisterAsync).WithName("RegisterDevice").WithSummary("Register a device; its HTTP token is shown in this answer only.");
        group.MapPost("/batch", RegisterBatchAsync).WithName("RegisterDevices").WithSummary("Register up to 1,000 devices at once, all or none; their HTTP tokens are shown in this answer only.");
        group.MapGet("/", ListAsync).WithName("ListDevices").WithSummary("The devices the caller owns.");
        group.MapGet("/{id}", GetAsync).WithName("GetDevice").WithSummary("One device the caller owns.");
        group.MapPost("/{id}/bindings", BindAsync).WithName("BindDevice").WithSummary("Bind the device to a container of a shipment the caller holds a role in.");
        group.MapGet("/{id}/bindings", ListBindingsAsync).WithName("ListDeviceBindings").WithSummary("The device's bindings, oldest first.");
        group.MapDelete("/{id}/bindings/current", UnbindNowAsync).WithName("UnbindDevice").WithSummary("Close the device's open binding now.");
        group.MapPost("/{id}/unbind", UnbindAsync).WithName("UnbindDeviceAt").WithSummary("Close the device's open binding at a given time.");
        return group;
    }

    internal static async Task<Results<Created<DeviceResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        DeviceBody body, ClaimsPrincipal user, IDeviceStore devices, TimeProvider clock, ILogger<DeviceBody> logger, CancellationToken cancellationToken)
    {
        var owner = Caller.From(user).RequiredParty;
        var errors = new FieldErrors();
        var device = Read(body, "$", errors);
        if (device is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The device has invalid fields; nothing was stored.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var issued = await devices.RegisterAsync(device.Id, owner, device.Kind, device.Label, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (issued is null)
        {
            return Problem(StatusCodes.Status409Conflict, $"A device with id '{device.Id}' is already registered.");
        }

        Log.DeviceRegistered(logger, owner.Value, device.Id.Value, DeviceKinds.Text(device.Kind));
        return TypedResults.Created($"/api/devices/{device.Id}", DeviceResponse.From(issued.Info, issued.Token));
    }

    internal static async Task<Results<Created<DeviceBatchResponse>, ValidationProblem, ProblemHttpResult>> RegisterBatchAsync(
        DeviceBatchBody body, ClaimsPrincipal user, IDeviceStore devices, TimeProvider clock, ILogger<DeviceBody> logger, CancellationToken cancellationToken)
    {
        var owner = Caller.From(user).RequiredParty;
        var errors = new FieldErrors();
        var list = new List<DeviceToRegister>();
        if (body.Devices is not { Count: > 0 } bodies)
        {
            errors.Add("$.devices", "Give at least one device.");
        }
        else if (bodies.Count > MaxBatchDevices)
        {
            errors.Add("$.devices", $"A batch has at most {MaxBatchDevices} devices, not {bodies.Count}; send several batches.");
        }
        else
        {
            var first = new Dictionary<DeviceId, int>();
            for (var i = 0; i < bodies.Count; i++)
            {
                var path = $"$.devices[{i}]";
                if (bodies[i] is null)
                {
                    errors.Add(path, "A device is an object with id and kind, not null.");
                }
                else if (Read(bodies[i]!, path, errors) is { } device)
                {
                    if (first.TryAdd(device.Id, i))
                    {
                        list.Add(device);
                    }
                    else
                    {
                        errors.Add($"{path}.id", $"'{device.Id}' is given twice (first at $.devices[{first[device.Id]}]).");
                    }
                }
            }
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The batch has invalid devices; nothing was stored.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var registered = await devices.RegisterAllAsync(owner, list, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (registered.Taken.Count > 0)
        {
            var named = string.Join(", ", registered.Taken.Take(MaxTakenNamed).Select(id => $"'{id}'"));
            var more = registered.Taken.Count > MaxTakenNamed ? $" and {registered.Taken.Count - MaxTakenNamed} more" : string.Empty;
            return Problem(StatusCodes.Status409Conflict, $"Devices {named}{more} are already registered; nothing was stored.");
        }

        Log.DevicesRegistered(logger, owner.Value, registered.Issued.Count);
        return TypedResults.Created("/api/devices", new DeviceBatchResponse([.. registered.Issued.Select(d => DeviceResponse.From(d.Info, d.Token))]));
    }

    internal static async Task<Ok<List<DeviceResponse>>> ListAsync(ClaimsPrincipal user, IDeviceStore devices, CancellationToken cancellationToken)
    {
        var list = await devices.ListAsync(Caller.From(user).RequiredParty, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(d => DeviceResponse.From(d)).ToList());
    }

    internal static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IDeviceStore devices, CancellationToken cancellationToken)
    {
        var device = await OwnedAsync(id, user, devices, cancellationToken).ConfigureAwait(false);
        return device is null ? NoDevice(id) : TypedResults.Ok(DeviceResponse.From(device));
    }

    internal static async Task<Results<Created<BindingResponse>, ValidationProblem, ProblemHttpResult>> BindAsync(
        string id,
        BindingBody body,
        ClaimsPrincipal user,
        IDeviceStore devices,
        ShipmentAccess access,
        TimeProvider clock,
        ILogger<BindingBody> logger,
        CancellationToken cancellationToken)
    {
        var device = await OwnedAsync(id, user, devices, cancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return NoDevice(id);
        }

        var errors = new FieldErrors();
        ContainerNumber container = default;
        _ = body.Shipment is null ? errors.Missing("$.shipment") : ShipmentId.TryParse(body.Shipment, out _)
            || Fail(errors, "$.shipment", $"'{body.Shipment}' is not a shipment id.");
        _ = body.Container is null ? errors.Missing("$.container") : ContainerNumber.TryParse(body.Container, out container, out var problem)
            || Fail(errors, "$.container", $"'{body.Container}' is not an ISO 6346 container number: {problem}");
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The binding has invalid fields; nothing was stored.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var found = await access.FindAsync(Caller.From(user), body.Shipment!, cancellationToken).ConfigureAwait(false);
        if (found is not { } held)
        {
            return Problem(StatusCodes.Status404NotFound, $"$.shipment: there is no shipment '{body.Shipment}' in which the caller holds a role.");
        }

        var shipment = held.Shipment;
        if (!shipment.Containers.Any(c => c.Number == container))
        {
            errors.Add("$.container", $"Container {container} is not on shipment {shipment.Id}.");
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The binding has invalid fields; nothing was stored.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var binding = new DeviceBinding(device.Id, shipment.Id, container, body.From ?? clock.GetUtcNow(), null);
        switch (await devices.OpenBindingAsync(binding, cancellationToken).ConfigureAwait(false))
        {
            case BindOutcome.AlreadyBound:
                return Problem(StatusCodes.Status409Conflict, $"Device {device.Id} already has an open binding; unbind it first.");
            case BindOutcome.OverlapsEarlier:
                return Problem(StatusCodes.Status409Conflict, $"$.from: device {device.Id} was bound to another container after {binding.From:O}; bindings may not overlap.");
            default:
                Log.DeviceBound(logger, device.Id.Value, container.Value, shipment.Id.Value);
                return TypedResults.Created($"/api/devices/{device.Id}/bindings", BindingResponse.Of(binding));
        }
    }

    internal static async Task<Results<Ok<List<BindingResponse>>, ProblemHttpResult>> ListBindingsAsync(
        string id, ClaimsPrincipal user, IDeviceStore devices, CancellationToken cancellationToken)
    {
        var device = await OwnedAsync(id, user, devices, cancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return NoDevice(id);
        }

        var list = await devices.ListBindingsAsync(device.Id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(BindingResponse.Of).ToList());
    }

    internal static Task<Results<Ok<BindingResponse>, ValidationProblem, ProblemHttpResult>> UnbindNowAsync(
        string id, ClaimsPrincipal user, IDeviceStore devices, TimeProvider clock, ILogger<UnbindBody> logger, CancellationToken cancellationToken) =>
        CloseAsync(id, null, user, devices, clock, logger, cancellationToken);

    internal static Task<Results<Ok<BindingResponse>, ValidationProblem, ProblemHttpResult>> UnbindAsync(
        string id, UnbindBody? body, ClaimsPrincipal user, IDeviceStore devices, TimeProvider clock, ILogger<UnbindBody> logger, CancellationToken cancellationToken) =>
        CloseAsync(id, body?.To, user, devices, clock, logger, cancellationToken);

    private static async Task<Results<Ok<BindingResponse>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        string id, DateTimeOffset? to, ClaimsPrincipal user, IDeviceStore devices, TimeProvider clock, ILogger<UnbindBody> logger, CancellationToken cancellationToken)
    {
        var device = await OwnedAsync(id, user, devices, cancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return NoDevice(id);
        }

        var open = (await devices.ListBindingsAsync(device.Id, cancellationToken).ConfigureAwait(false)).FirstOrDefault(b => b.To is null);
        if (open is null)
        {
            return Problem(StatusCodes.Status404NotFound, $"Device {device.Id} has no open binding.");
        }

        var end = to ?? clock.GetUtcNow();
        if (end < open.From)
        {
            var errors = new FieldErrors();
            errors.Add("$.to", $"The binding began at {open.From:O}; it cannot end before that.");
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The unbinding has invalid fields; nothing was stored.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var closed = await devices.CloseBindingAsync(device.Id, end, cancellationToken).ConfigureAwait(false);
        if (closed is null)
        {
            return Problem(StatusCodes.Status409Conflict, $"Device {device.Id}'s open binding changed meanwhile; read its bindings and try again.");
        }

        Log.DeviceUnbound(logger, device.Id.Value, closed.Shipment.Value);
        return TypedResults.Ok(BindingResponse.Of(closed));
    }

    private static async Task<DeviceInfo?> OwnedAsync(string id, ClaimsPrincipal user, IDeviceStore devices, CancellationToken cancellationToken)
    {
        if (!DeviceId.TryParse(id, out var deviceId))
        {
            return null;
        }

        var device = await devices.FindAsync(deviceId, cancellationToken).ConfigureAwait(false);
        return device is not null && device.Owner == Caller.From(user).RequiredParty ? device : null;
    }

    private static ProblemHttpResult NoDevice(string id) =>
        Problem(StatusCodes.Status404NotFound, $"There is no device '{id}' owned by the caller.");

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: ProblemDetailsDefaults.TitleOf(status));

    /// <summary>The device <paramref name="body"/> describes, or null with its problems added under <paramref name="path"/>.</summary>
    private static DeviceToRegister? Read(DeviceBody body, string path, FieldErrors errors)
    {
        var valid = true;
        DeviceId id = default;
        DeviceKind kind = default;
        valid &= body.Id is null ? errors.Missing($"{path}.id") : DeviceId.TryParse(body.Id, out id)
            || Fail(errors, $"{path}.id", $"'{body.Id}' is not a device id: 1–{DeviceId.MaxLength} of A–Z, a–z, 0–9, '-', '_' and '.'.");
        valid &= body.Kind is null ? errors.Missing($"{path}.kind") : DeviceKinds.TryParse(body.Kind, out kind)
            || Fail(errors, $"{path}.kind", $"'{body.Kind}' is not a device kind ({DeviceKinds.All}).");
        var label = string.IsNullOrWhiteSpace(body.Label) ? null : body.Label.Trim();
        valid &= label is not { Length: > MaxLabelLength } || Fail(errors, $"{path}.label", $"The label is longer than {MaxLabelLength} characters.");
        return valid ? new DeviceToRegister(id, kind, label) : null;
    }

    private static bool Fail(FieldErrors errors, string path, string message)
    {
        errors.Add(path, message);
        return false;
    }
}
