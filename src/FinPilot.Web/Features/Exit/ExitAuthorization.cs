using FinPilot.Domain.Exit;
using FinPilot.Domain.Identity;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Exit;

/// <summary>A pilot as the resource of an exit question: its region (whose working group audits) and lead organisation (whose applicants exit).</summary>
public sealed record ExitScope(Guid ProjectId, int RegionId, Guid OrganisationId)
{
    public static ExitScope Of(ExitCase exit) => new(exit.ProjectId, exit.RegionId, exit.OrganisationId);
}

public static class ExitOperations
{
    /// <summary>Read a pilot's exit: the region's working group, the lead organisation's applicants, the coordination group, integrity officers, admins.</summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("exit.read");

    /// <summary>Read the expert sheets and the summary: the region's working group, the coordination group, integrity officers, admins (not the institution).</summary>
    public static readonly OperationAuthorizationRequirement ReadReview = Operations.Named("exit.read-review");

    /// <summary>Apply, withdraw, self-assess, record the checklist, answer: the lead organisation's applicants only.</summary>
    public static readonly OperationAuthorizationRequirement Institution = Operations.Named("exit.institution");

    /// <summary>Audit, ask questions, run the expert opinion, forward: the working group of the pilot's region (admins anywhere).</summary>
    public static readonly OperationAuthorizationRequirement Audit = Operations.Named("exit.audit");

    /// <summary>Score an exit as an expert; the review itself checks that the expert is assigned.</summary>
    public static readonly OperationAuthorizationRequirement Score = Operations.Named("exit.score");

    /// <summary>Put a forwarded exit on an agenda and decide its tier: the coordination group (admins).</summary>
    public static readonly OperationAuthorizationRequirement Confirm = Operations.Named("exit.confirm");
}

/// <summary>The rules of the module, from grants alone, so pages, endpoints and tests ask the same question.</summary>
public static class ExitAccess
{
    public static bool CanRead(IEnumerable<RoleGrant> grants, ExitScope scope) =>
        grants.RunsRegion(scope.RegionId) || grants.Has(Role.CoordinationGroup) || grants.Has(Role.IntegrityOfficer)
        || grants.Any(g => g.CoversOrganisation(scope.OrganisationId));

    public static bool CanReadReview(IEnumerable<RoleGrant> grants, ExitScope scope) =>
        grants.RunsRegion(scope.RegionId) || grants.Has(Role.CoordinationGroup) || grants.Has(Role.IntegrityOfficer);

    public static bool CanAct(IEnumerable<RoleGrant> grants, ExitScope scope) => grants.Any(g => g.Role == Role.Applicant && g.CoversOrganisation(scope.OrganisationId));

    public static bool CanAudit(IEnumerable<RoleGrant> grants, ExitScope scope) => grants.RunsRegion(scope.RegionId);

    public static bool CanScore(IEnumerable<RoleGrant> grants) => grants.Has(Role.Expert);

    public static bool CanConfirm(IEnumerable<RoleGrant> grants) => grants.Has(Role.CoordinationGroup) || grants.IsAdmin();

    public static bool Allows(IEnumerable<RoleGrant> grants, OperationAuthorizationRequirement operation, ExitScope scope) =>
        operation == ExitOperations.Read ? CanRead(grants, scope)
        : operation == ExitOperations.ReadReview ? CanReadReview(grants, scope)
        : operation == ExitOperations.Institution ? CanAct(grants, scope)
        : operation == ExitOperations.Audit ? CanAudit(grants, scope)
        : operation == ExitOperations.Score ? CanScore(grants)
        : operation == ExitOperations.Confirm && CanConfirm(grants);
}

/// <summary>The handler for a pilot's exit.</summary>
public sealed class ExitAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, ExitScope>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, ExitScope resource, AuthorizationHandlerContext context) =>
        Task.FromResult(ExitAccess.Allows(grants, operation, resource));
}
