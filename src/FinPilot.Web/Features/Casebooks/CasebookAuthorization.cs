using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Identity;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>A casebook as the resource of a question: its scope and, for a regional one, its region.</summary>
public sealed record CasebookResource(CasebookScope Scope, int? RegionId)
{
    public static CasebookResource Of(Casebook casebook) => new(casebook.Scope, casebook.RegionId);
}

public static class CasebookOperations
{
    /// <summary>
    /// Compose a casebook — create, select, write, set the policy, preview, publish, read its draft:
    /// a regional one the working group of its region (admins anywhere); the national one the
    /// coordination group or the national secretariat (admins).
    /// </summary>
    public static readonly OperationAuthorizationRequirement Compose = Operations.Named("casebook.compose");
}

/// <summary>The rules of the module, from grants alone, so pages, endpoints and tests ask the same question.</summary>
public static class CasebookAccess
{
    public static bool CanCompose(IEnumerable<RoleGrant> grants, CasebookResource casebook)
    {
        ArgumentNullException.ThrowIfNull(casebook);
        var list = grants as IReadOnlyCollection<RoleGrant> ?? [.. grants];
        return casebook.Scope == CasebookScope.National
            ? list.IsAdmin() || list.Has(Role.CoordinationGroup) || list.Any(g => g.Role == Role.EvaluationSecretariat && g.RegionId is null)
            : casebook.RegionId is { } region && list.RunsRegion(region);
    }

    /// <summary>Whether the caller composes any casebook at all (the manage page's link).</summary>
    public static bool ComposesAny(IEnumerable<RoleGrant> grants) =>
        grants.Any(g => g.Role is Role.PlatformAdmin or Role.RegionalWorkingGroup or Role.CoordinationGroup || (g.Role == Role.EvaluationSecretariat && g.RegionId is null));

    public static bool Allows(IEnumerable<RoleGrant> grants, OperationAuthorizationRequirement operation, CasebookResource casebook) =>
        operation == CasebookOperations.Compose && CanCompose(grants, casebook);
}

public sealed class CasebookAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, CasebookResource>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, CasebookResource resource, AuthorizationHandlerContext context) =>
        Task.FromResult(CasebookAccess.Allows(grants, operation, resource));
}
