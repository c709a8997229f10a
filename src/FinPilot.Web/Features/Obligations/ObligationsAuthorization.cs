using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Obligations;

public static class ObligationOperations
{
    /// <summary>
    /// Read obligations: the owing organisation's applicants, the region's working group,
    /// integrity officers, the coordination group and administrators everywhere.
    /// </summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("obligation.read");
}

/// <summary>
/// Which obligations a list asks for before any is loaded: one region's, one organisation's, or
/// (both null) whatever the caller may see.
/// </summary>
public sealed record ObligationScope(int? RegionId, Guid? OrganisationId);

/// <summary>
/// The handler for obligations, asked with the obligation itself or with the scope of a list. The
/// rule is <see cref="SupervisedScope"/>, so a list and a single obligation agree.
/// </summary>
public sealed class ObligationAuthorizationHandler(CurrentUser current) : AuthorizationHandler<OperationAuthorizationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement)
    {
        if (requirement != ObligationOperations.Read || context.Resource is not (Obligation or ObligationScope))
        {
            return;
        }

        var grants = await current.GrantsOfAsync(context.User);
        var visibility = SupervisedScope.Of(grants);
        var allowed = context.Resource switch
        {
            Obligation obligation => visibility.Covers(obligation)
                && (visibility.Everything || visibility.Regions.Contains(obligation.RegionId)
                    || ObligationRules.DutyOf(obligation.Kind) == ObligationDuty.Institution),
            ObligationScope scope => visibility.Allows(scope.RegionId, scope.OrganisationId),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
