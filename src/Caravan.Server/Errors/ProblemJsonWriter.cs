using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Caravan.Server.Errors;

/// <summary>
/// Writes every problem detail as <c>application/problem+json</c>, whatever the request's Accept header says. ASP.NET
/// Core's own writer declines a client that does not accept JSON (a browser, <c>curl -H 'Accept: text/html'</c>), and
/// then each error path fails its own way: authentication throws (a 500 with no body), status code pages fall back to
/// text, and results fall back to JSON without the instance and trace id. Registered ahead of that writer, this one
/// answers every error the same way: the fields of <see cref="ProblemDetailsDefaults.Customize"/>, serialized with the
/// API's JSON options.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options, IOptions<HttpJsonOptions> json) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        context.ProblemDetails.Status ??= response.StatusCode;
        options.Value.CustomizeProblemDetails?.Invoke(context);
        var problem = context.ProblemDetails;
        var type = json.Value.SerializerOptions.GetTypeInfo(problem.GetType());
        return new ValueTask(response.WriteAsJsonAsync(problem, type, ContentType, context.HttpContext.RequestAborted));
    }
}
