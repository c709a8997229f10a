using FinPilot.Domain.Disposal;
using FinPilot.Domain.Identity;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Disposal;

/// <summary>A pilot as the resource of a disposal question: its region (whose working group disposes) and lead organisation (whose applicants act).</summary>
public sealed record DisposalProject(Guid ProjectId, int RegionId, Guid OrganisationId)
{
    public static DisposalProject Of(DisposalCase disposal) => new(disposal.ProjectId, disposal.RegionId, disposal.OrganisationId);
}

/// <summary>The overall contingency plan as a resource: one for the platform.</summary>
public sealed record ContingencyPlanResource
{
    public static ContingencyPlanResource Platform { get; } = new();
}

public static class DisposalOperations
{
    /// <summary>Read a pilot's cases: the region's working group, the lead organisation's applicants, integrity officers, the coordination group, admins.</summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("disposal.read");

    /// <summary>Open, raise, suspend, resume, waive, complete, propose termination, close: the region's working group (admins anywhere).</summary>
    public static readonly OperationAuthorizationRequirement Dispose = Operations.Named("disposal.dispose");

    /// <summary>Record customer notices and compensation: the lead organisation's applicants.</summary>
    public static readonly OperationAuthorizationRequirement Respond = Operations.Named("disposal.respond");

    /// <summary>Put a termination proposal on a coordination-group meeting's agenda: the coordination group (admins).</summary>
    public static readonly OperationAuthorizationRequirement Schedule = Operations.Named("disposal.schedule");

    /// <summary>Read the contingency plan: supervisors (working groups, the coordination group, integrity officers, admins).</summary>
    public static readonly OperationAuthorizationRequirement ReadPlan = Operations.Named("disposal.read-plan");

    /// <summary>Publish a new version of the contingency plan: admins and the coordination group.</summary>
    public static readonly OperationAuthorizationRequirement PublishPlan = Operations.Named("disposal.publish-plan");
}

/// <summary>The rules of the module, from grants alone, so lists, records, pages and tests ask the same question.</summary>
public static class DisposalAccess
{
    public static bool CanRead(IEnumerable<RoleGrant> grants, DisposalProject project) =>
        grants.RunsRegion(project.RegionId) || grants.Has(Role.CoordinationGroup) || grants.Has(Role.IntegrityOfficer)
        || grants.Any(g => g.CoversOrganisation(project.OrganisationId));

    public static bool CanDispose(IEnumerable<RoleGrant> grants, DisposalProject project) => grants.RunsRegion(project.RegionId);

    public static bool CanRespond(IEnumerable<RoleGrant> grants, DisposalProject project) => grants.Any(g => g.CoversOrganisation(project.OrganisationId));

    public static bool CanSchedule(IEnumerable<RoleGrant> grants) => grants.Has(Role.CoordinationGroup) || grants.IsAdmin();

    public static bool CanReadPlan(IEnumerable<RoleGrant> grants) =>
        grants.Any(g => g.Role is Role.PlatformAdmin or Role.RegionalWorkingGroup or Role.CoordinationGroup or Role.IntegrityOfficer);

    public static bool CanPublishPlan(IEnumerable<RoleGrant> grants) => grants.Any(g => g.Role is Role.PlatformAdmin or Role.CoordinationGroup);

    public static bool Allows(IEnumerable<RoleGrant> grants, OperationAuthorizationRequirement operation, DisposalProject project) =>
        operation == DisposalOperations.Read ? CanRead(grants, project)
        : operation == DisposalOperations.Dispose ? CanDispose(grants, project)
        : operation == DisposalOperations.Schedule ? CanSchedule(grants)
        : operation == DisposalOperations.Respond && CanRespond(grants, project);
}

/// <summary>The handler for a pilot's disposal cases.</summary>
public sealed class DisposalAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, DisposalProject>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, DisposalProject resource, AuthorizationHandlerContext context) =>
        Task.FromResult(DisposalAccess.Allows(grants, operation, resource));
}

/// <summary>The handler for the contingency plan.</summary>
public sealed class ContingencyPlanAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, ContingencyPlanResource>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, ContingencyPlanResource resource, AuthorizationHandlerContext context) =>
        Task.FromResult(
            operation == DisposalOperations.ReadPlan ? DisposalAccess.CanReadPlan(grants)
            : operation == DisposalOperations.PublishPlan && DisposalAccess.CanPublishPlan(grants));
}
