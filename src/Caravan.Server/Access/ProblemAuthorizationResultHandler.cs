using Caravan.Server.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Caravan.Server.Access;

/// <summary>
/// Turns a refused authorization into a 403 problem detail naming the right the caller lacks; a missing or bad token
/// goes on to the bearer handler's 401 challenge.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        var detail = policy.Requirements.OfType<CallerRequirement>().FirstOrDefault()?.Describe() ?? "The caller lacks the right this endpoint needs.";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ProblemDetailsDefaults.Create(StatusCodes.Status403Forbidden, detail),
        }).ConfigureAwait(false);
    }
}
