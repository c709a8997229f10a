using FinPilot.Domain.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Identity;

/// <summary>Platform-wide administration: no record of a region or an organisation, so asked with no resource.</summary>
public static class PlatformOperations
{
    public static readonly OperationAuthorizationRequirement ManageRegions = Operations.Named("platform.manage-regions");
    public static readonly OperationAuthorizationRequirement ManageUsers = Operations.Named("platform.manage-users");
    public static readonly OperationAuthorizationRequirement ManageCalendar = Operations.Named("platform.manage-calendar");
    public static readonly OperationAuthorizationRequirement ManageReferenceLists = Operations.Named("platform.manage-reference-lists");
}

/// <summary>The handler for <see cref="PlatformOperations"/>: administrators only, today.</summary>
public sealed class PlatformAuthorizationHandler(CurrentUser current) : AuthorizationHandler<OperationAuthorizationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement)
    {
        if (context.Resource is null && Allows(await current.GrantsOfAsync(context.User), requirement))
        {
            context.Succeed(requirement);
        }
    }

    public static bool Allows(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation) =>
        operation == PlatformOperations.ManageRegions ? grants.CanManageRegions()
        : operation == PlatformOperations.ManageUsers ? grants.CanManageUsers()
        : (operation == PlatformOperations.ManageCalendar || operation == PlatformOperations.ManageReferenceLists) && grants.IsAdmin();
}
