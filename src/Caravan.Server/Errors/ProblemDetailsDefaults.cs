using Microsoft.AspNetCore.Mvc;

namespace Caravan.Server.Errors;

/// <summary>The shape every error of the API shares (RFC 9457): a title per status, the detail, the request path as instance.</summary>
public static class ProblemDetailsDefaults
{
    /// <summary>A problem detail for <paramref name="status"/> with <paramref name="detail"/>.</summary>
    public static ProblemDetails Create(int status, string detail) => new()
    {
        Status = status,
        Title = TitleOf(status),
        Detail = detail,
    };

    /// <summary>Applied to every problem detail written: the instance is the request path, the title is ours.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        if (context.ProblemDetails.Status is { } status && context.ProblemDetails.Title is null or "An error occurred while processing your request." or "One or more validation errors occurred.")
        {
            context.ProblemDetails.Title = TitleOf(status);
        }
    }

    /// <summary>A short title for a status code.</summary>
    public static string TitleOf(int status) => status switch
    {
        400 => "The request is invalid",
        401 => "Authentication is needed",
        403 => "The caller lacks a right",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        413 => "The request body is too large",
        415 => "Unsupported media type",
        503 => "Unavailable",
        >= 500 => "An unexpected error occurred",
        _ => "The request failed",
    };
}
