using Microsoft.AspNetCore.Authorization;

namespace Caravan.Server.Access;

/// <summary>Meets a <see cref="CallerRequirement"/> when the authenticated caller is of the required kind.</summary>
internal sealed class CallerRequirementHandler : AuthorizationHandler<CallerRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && Caller.From(context.User).Kind == requirement.Kind)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
