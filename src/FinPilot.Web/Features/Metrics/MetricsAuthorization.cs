using FinPilot.Domain.Identity;
using FinPilot.Domain.Metrics;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Metrics;

public static class MetricsOperations
{
    /// <summary>Create, list, rotate and revoke an organisation's API clients: its own applicants, and administrators.</summary>
    public static readonly OperationAuthorizationRequirement ManageClients = Operations.Named("metrics.manage-clients");

    public static bool MayManageClients(this IEnumerable<RoleGrant> grants, Guid organisationId) =>
        grants.Any(g => g.Role == Role.PlatformAdmin || g.CoversOrganisation(organisationId));
}

/// <summary>An organisation's API clients, asked about with the organisation (by id) or one of its clients.</summary>
public sealed class ApiClientScopeAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, OrganisationScope>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, OrganisationScope resource, AuthorizationHandlerContext context) =>
        Task.FromResult(operation == MetricsOperations.ManageClients && grants.MayManageClients(resource.OrganisationId));
}

public sealed class ApiClientAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, ApiClient>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, ApiClient resource, AuthorizationHandlerContext context) =>
        Task.FromResult(operation == MetricsOperations.ManageClients && grants.MayManageClients(resource.OrganisationId));
}
