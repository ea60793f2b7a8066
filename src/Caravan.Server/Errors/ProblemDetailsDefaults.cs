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

    /// <summary>
    /// Applied to every problem detail written: the type is the status's section of RFC 9110, the title is ours, the
    /// instance is the request path and <c>traceId</c> is <see cref="TraceId"/>.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        problem.Instance ??= context.HttpContext.Request.Path;
        if (problem.Status is { } status)
        {
            problem.Type ??= TypeOf(status);
            if (problem.Title is null or "An error occurred while processing your request." or "One or more validation errors occurred.")
            {
                problem.Title = TitleOf(status);
            }
        }

        problem.Extensions["traceId"] = TraceId(context.HttpContext);
    }

    /// <summary>
    /// The one id of a request that its error answer carries and its log lines name: the W3C trace id of the request's
    /// activity (<c>00-…</c>), or the connection's request id when no activity is recorded.
    /// </summary>
    public static string TraceId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;
    }

    /// <summary>The section of RFC 9110 that defines <paramref name="status"/>, or null for a status it does not define.</summary>
    public static string? TypeOf(int status)
    {
        var section = status switch
        {
            >= 400 and <= 417 => $"15.5.{status - 399}",
            421 or 422 => $"15.5.{status - 401}",
            426 => "15.5.22",
            >= 500 and <= 505 => $"15.6.{status - 499}",
            _ => null,
        };
        return section is null ? null : $"https://tools.ietf.org/html/rfc9110#section-{section}";
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
