using FinPilot.Domain.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Identity;

/// <summary>
/// Base of the resource handlers: the user's role grants come from the database (through
/// <see cref="CurrentUser"/>), never from the cookie, so a revoked role stops working at once.
/// A handler answers only the operations it knows and stays silent on the others.
/// </summary>
public abstract class GrantsAuthorizationHandler<TRequirement, TResource>(CurrentUser current)
    : AuthorizationHandler<TRequirement, TResource>
    where TRequirement : IAuthorizationRequirement
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TRequirement requirement, TResource resource)
    {
        var grants = await current.GrantsOfAsync(context.User);
        if (await AllowsAsync(grants, requirement, resource, context))
        {
            context.Succeed(requirement);
        }
    }

    protected abstract Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, TRequirement operation, TResource resource, AuthorizationHandlerContext context);
}

/// <summary>A named operation on a record, as <c>AuthorizeAsync(user, record, Operation)</c> is asked about.</summary>
public static class Operations
{
    public static OperationAuthorizationRequirement Named(string name) => new() { Name = name };
}
