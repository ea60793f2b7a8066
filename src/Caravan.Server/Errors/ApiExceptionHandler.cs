using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Caravan.Server.Errors;

/// <summary>
/// Turns exceptions that reach the pipeline into problem details: a request the framework could not bind (malformed
/// JSON, wrong content type, body too large) becomes a 4xx naming the field at fault; anything else a 500 that says
/// nothing of the code, logged with the trace id it carries. No stack trace or HTML page is ever sent.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var problem = exception is BadHttpRequestException bad ? FromBadRequest(bad) : null;
        if (problem is null)
        {
            // The id the answer carries as traceId, so the operator finds the failure by the id the client reports.
            Log.UnhandledError(logger, httpContext.Request.Method, httpContext.Request.Path, ProblemDetailsDefaults.TraceId(httpContext), exception);
            problem = ProblemDetailsDefaults.Create(
                StatusCodes.Status500InternalServerError,
                "The server failed on this request; the operator can find it in the log by its traceId.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
        }).ConfigureAwait(false);
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        var status = exception.StatusCode;
        if (exception.InnerException is JsonException json)
        {
            var errors = new FieldErrors();
            errors.Add(json.Path ?? "$", JsonMessage(json));
            return new HttpValidationProblemDetails(errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = ProblemDetailsDefaults.TitleOf(400),
                Detail = "The request body is not valid JSON of the expected shape.",
            };
        }

        var detail = status switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json'.",
            _ when exception.Message.Contains("no body was provided", StringComparison.Ordinal) => "A JSON request body is required.",
            _ => exception.Message,
        };
        if (status == StatusCodes.Status400BadRequest && exception.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            var errors = new FieldErrors();
            errors.Add("$", "A JSON request body is required.");
            return new HttpValidationProblemDetails(errors.ToDictionary())
            {
                Status = status,
                Title = ProblemDetailsDefaults.TitleOf(status),
                Detail = detail,
            };
        }

        return ProblemDetailsDefaults.Create(status, detail);
    }

    // System.Text.Json's messages name .NET types and repeat the path; say what is wrong in the API's terms.
    private static string JsonMessage(JsonException json)
    {
        var message = json.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "This field is not part of the request; remove it (field names are camelCase).";
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return "This value has the wrong type for the field (a number, text, list or object was expected).";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        return $"The JSON is malformed here: {text}";
    }
}
