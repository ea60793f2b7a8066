using System.Security.Claims;
using Caravan.Core.Shipments;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Server.Hosting;
using Caravan.Server.Shipments;
using Caravan.Storage;
using Caravan.Storage.Sqlite;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Caravan.Server.Documents;

/// <summary>
/// Documents of a shipment, for parties holding a role on it: <c>POST /api/shipments/{id}/documents?name=FILE</c>
/// (the raw bytes as the body, with their Content-Type), <c>GET /api/shipments/{id}/documents</c>,
/// <c>GET /api/shipments/{id}/documents/{sha256}</c>. Stored content-addressed; uploads are limited to
/// <see cref="ServerOptions.MaxDocumentBytes"/>.
/// </summary>
public static class DocumentEndpoints
{
    private const int MaxFileNameLength = 255;

    public static RouteGroupBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/shipments/{id}/documents").WithTags("Documents").RequireAuthorization(AccessPolicies.Party);
        group.MapPost("/", UploadAsync).WithMetadata(BodyLimit.Large)
            .Accepts<Stream>("application/octet-stream", "application/pdf", "image/png", "image/jpeg", "application/xml", "application/json")
            .WithName("AttachDocument").WithSummary("Attach a document: the raw bytes as the body, ?name= its file name.");
        group.MapGet("/", ListAsync).WithName("ListDocuments").WithSummary("The documents attached to a shipment.");
        group.MapGet("/{sha256}", DownloadAsync).WithName("GetDocument").WithSummary("The bytes of one attached document.");
        return group;
    }

    internal static async Task<Results<Created<DocumentResponse>, Ok<DocumentResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        string id,
        string? name,
        HttpRequest request,
        ClaimsPrincipal user,
        ShipmentAccess access,
        IDocumentStore documents,
        IOptions<ServerOptions> options,
        TimeProvider clock,
        ILogger<DocumentResponse> logger,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (await access.RolesAsync(caller, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ShipmentEndpoints.NotFound(id);
        }

        var fileName = name?.Trim();
        if (string.IsNullOrEmpty(fileName) || fileName.Length > MaxFileNameLength || fileName.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            var errors = new FieldErrors();
            errors.Add("name", $"Give the file name as ?name=FILE: 1–{MaxFileNameLength} characters, without '/' or '\\'.");
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The upload has no usable file name.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var shipment = ShipmentId.Parse(id);
        var contentType = string.IsNullOrWhiteSpace(request.ContentType) ? "application/octet-stream" : request.ContentType;
        var limit = options.Value.MaxDocumentBytes;
        var result = await documents.AddAsync(
            shipment,
            request.Body,
            limit,
            new DocumentUpload(fileName, contentType, caller.RequiredParty, clock.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case DocumentAddOutcome.TooLarge:
                return TypedResults.Problem(
                    $"The request body is larger than this endpoint accepts ({limit} bytes).",
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: ProblemDetailsDefaults.TitleOf(413));
            case DocumentAddOutcome.AlreadyAttached:
                return TypedResults.Ok(DocumentResponse.From(shipment, result.Document!));
            default:
                Log.DocumentAttached(logger, caller.RequiredParty.Value, result.Document!.Sha256, result.Document.SizeBytes, shipment.Value);
                var response = DocumentResponse.From(shipment, result.Document);
                return TypedResults.Created(response.Href, response);
        }
    }

    internal static async Task<Results<Ok<List<DocumentResponse>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, ShipmentAccess access, IDocumentStore documents, CancellationToken cancellationToken)
    {
        if (await access.RolesAsync(Caller.From(user), id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ShipmentEndpoints.NotFound(id);
        }

        var shipment = ShipmentId.Parse(id);
        var list = await documents.ListAsync(shipment, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(d => DocumentResponse.From(shipment, d)).ToList());
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string id, string sha256, ClaimsPrincipal user, ShipmentAccess access, IDocumentStore documents, CancellationToken cancellationToken)
    {
        if (await access.RolesAsync(Caller.From(user), id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ShipmentEndpoints.NotFound(id);
        }

        var key = sha256.ToLowerInvariant();
        var document = SqliteDocumentStore.IsSha256(key)
            ? await documents.FindAsync(ShipmentId.Parse(id), key, cancellationToken).ConfigureAwait(false)
            : null;
        var content = document is null ? null : documents.OpenContent(key);
        if (document is null || content is null)
        {
            return TypedResults.Problem($"Shipment '{id}' has no document {sha256}.", statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsDefaults.TitleOf(404));
        }

        return TypedResults.File(content, document.ContentType, document.FileName, entityTag: new EntityTagHeaderValue($"\"{key}\""));
    }
}
