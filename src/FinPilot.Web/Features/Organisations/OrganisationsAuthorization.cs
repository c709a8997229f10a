using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Organisations;

/// <summary>An organisation as the resource of an action taken for it, when only its id is at hand.</summary>
public sealed record OrganisationScope(Guid OrganisationId);

public static class OrganisationOperations
{
    /// <summary>Register or change an organisation: the working group of its region, admins anywhere.</summary>
    public static readonly RegionOperation Manage = new("organisation.manage", Access.CanManageOrganisationsIn);

    /// <summary>Read an organisation: staff (but experts), and the organisation's own applicants.</summary>
    public static readonly OperationAuthorizationRequirement View = Operations.Named("organisation.view");

    /// <summary>Act for the organisation (subscribe it to calls, …): its own applicants only.</summary>
    public static readonly OperationAuthorizationRequirement ActFor = Operations.Named("organisation.act-for");
}

/// <summary>The handler for organisation-owned records: the organisation itself, and actions taken in its name.</summary>
public sealed class OrganisationAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, Organisation>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, Organisation resource, AuthorizationHandlerContext context) =>
        Task.FromResult(operation == OrganisationOperations.View ? grants.CanViewOrganisation(resource)
            : operation == OrganisationOperations.ActFor && grants.CanSubscribeToCalls(resource.Id));
}

/// <summary>As <see cref="OrganisationAuthorizationHandler"/>, for an organisation known by its id.</summary>
public sealed class OrganisationScopeAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, OrganisationScope>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, OrganisationScope resource, AuthorizationHandlerContext context) =>
        Task.FromResult(operation == OrganisationOperations.ActFor && grants.CanSubscribeToCalls(resource.OrganisationId));
}
