using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Caravan.Server.Hosting;

/// <summary>Describes the API in its OpenAPI document: title, and the bearer-token scheme every endpoint but /healthz uses.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Caravan API";
        document.Info.Description = "The Record of the Caravan trade corridor: parties, shipments, documents and route plans. "
            + "Send 'Authorization: Bearer TOKEN'; errors are RFC 9457 problem details. See docs/api.md.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A party's token (issued by the operator with POST /api/parties/{id}/tokens) or the operator's admin token.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
        return Task.CompletedTask;
    }
}
