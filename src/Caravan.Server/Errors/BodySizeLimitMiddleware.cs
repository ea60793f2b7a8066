using Caravan.Server.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Errors;

/// <summary>
/// Enforces the body limits per endpoint: JSON bodies up to <see cref="ServerOptions.MaxJsonBodyBytes"/>, or what the
/// endpoint's <see cref="BodyLimit"/> says (large bodies up to <see cref="ServerOptions.MaxDocumentBytes"/>, or a fixed
/// size). A declared length over the limit is refused at once; a body without a declared length is read up to the
/// limit first, except a large one, which the endpoint streams. Either way the answer is a 413 problem detail.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<ServerOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpointLimit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>();
        var streamed = endpointLimit == BodyLimit.Large;
        var limit = endpointLimit is null ? options.Value.MaxJsonBodyBytes : endpointLimit.Bytes ?? options.Value.MaxDocumentBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is { } length && length > limit)
        {
            await TooLargeAsync(context, limit, problems).ConfigureAwait(false);
            return;
        }

        if (!streamed && context.Request.ContentLength is null && HasBody(context.Request))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await TooLargeAsync(context, limit, problems).ConfigureAwait(false);
                    return;
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            context.Request.Body = buffer;
            context.Request.ContentLength = buffer.Length;
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>Writes the 413 problem detail for a body over <paramref name="limit"/> bytes.</summary>
    public static Task TooLargeAsync(HttpContext context, long limit, IProblemDetailsService? service = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var problems = service ?? context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ProblemDetailsDefaults.Create(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than this endpoint accepts ({limit} bytes).")
        }).AsTask();
    }

    private static bool HasBody(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);
}
