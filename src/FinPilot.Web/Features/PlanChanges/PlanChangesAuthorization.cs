using FinPilot.Domain.Identity;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>
/// A pilot as the resource of a plan-change question: its region (whose working group decides minor
/// changes) and its lead organisation (whose applicants request). Built from a change or a project.
/// </summary>
public sealed record PlanChangeScope(Guid ProjectId, int RegionId, Guid OrganisationId)
{
    public static PlanChangeScope Of(PlanChange change) => new(change.ProjectId, change.RegionId, change.OrganisationId);
}

public static class PlanChangeOperations
{
    /// <summary>Read a pilot's changes and its plan history: the region's working group, the lead organisation, the coordination group, integrity officers, admins, and the secretariat that runs expert reviews.</summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("plan-changes.read");

    /// <summary>Request or withdraw a change: the lead organisation's applicants only.</summary>
    public static readonly OperationAuthorizationRequirement Request = Operations.Named("plan-changes.request");

    /// <summary>Decide a minor change: the working group of the pilot's region (admins anywhere).</summary>
    public static readonly OperationAuthorizationRequirement DecideMinor = Operations.Named("plan-changes.decide-minor");

    /// <summary>Put a major change on a coordination-group meeting's agenda: the coordination group (admins).</summary>
    public static readonly OperationAuthorizationRequirement Schedule = Operations.Named("plan-changes.schedule");

    /// <summary>Start a major change's expert review and assign its experts: the region's working group or an evaluation secretariat covering the region (admins).</summary>
    public static readonly OperationAuthorizationRequirement RunReview = Operations.Named("plan-changes.run-review");

    /// <summary>Score a change as an expert; the review itself checks that the expert is assigned.</summary>
    public static readonly OperationAuthorizationRequirement Score = Operations.Named("plan-changes.score");

    /// <summary>Forward a reviewed major change to the coordination group: the region's working group (admins).</summary>
    public static readonly OperationAuthorizationRequirement Forward = Operations.Named("plan-changes.forward");
}

/// <summary>The rules of the module, from grants alone, so pages, endpoints and tests ask the same question.</summary>
public static class PlanChangeAccess
{
    public static bool CanRead(IEnumerable<RoleGrant> grants, PlanChangeScope scope) =>
        grants.RunsRegion(scope.RegionId) || grants.Has(Role.CoordinationGroup) || grants.Has(Role.IntegrityOfficer)
        || grants.Any(g => g.CoversOrganisation(scope.OrganisationId)) || CanRunReview(grants, scope);

    public static bool CanRequest(IEnumerable<RoleGrant> grants, PlanChangeScope scope) => grants.Any(g => g.CoversOrganisation(scope.OrganisationId));

    public static bool CanDecideMinor(IEnumerable<RoleGrant> grants, PlanChangeScope scope) => grants.RunsRegion(scope.RegionId);

    public static bool CanSchedule(IEnumerable<RoleGrant> grants) => grants.Has(Role.CoordinationGroup) || grants.IsAdmin();

    public static bool CanRunReview(IEnumerable<RoleGrant> grants, PlanChangeScope scope) =>
        grants.RunsRegion(scope.RegionId) || grants.Any(g => g.Role == Role.EvaluationSecretariat && g.CoversRegion(scope.RegionId));

    public static bool CanScore(IEnumerable<RoleGrant> grants) => grants.Has(Role.Expert);

    public static bool CanForward(IEnumerable<RoleGrant> grants, PlanChangeScope scope) => grants.RunsRegion(scope.RegionId);

    public static bool Allows(IEnumerable<RoleGrant> grants, OperationAuthorizationRequirement operation, PlanChangeScope scope) =>
        operation == PlanChangeOperations.RunReview ? CanRunReview(grants, scope)
        : operation == PlanChangeOperations.Score ? CanScore(grants)
        : operation == PlanChangeOperations.Forward ? CanForward(grants, scope)
        : operation == PlanChangeOperations.Read ? CanRead(grants, scope)
        : operation == PlanChangeOperations.Request ? CanRequest(grants, scope)
        : operation == PlanChangeOperations.DecideMinor ? CanDecideMinor(grants, scope)
        : operation == PlanChangeOperations.Schedule && CanSchedule(grants);
}

/// <summary>The handler for a pilot's plan changes.</summary>
public sealed class PlanChangeAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, PlanChangeScope>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, PlanChangeScope resource, AuthorizationHandlerContext context) =>
        Task.FromResult(PlanChangeAccess.Allows(grants, operation, resource));
}
