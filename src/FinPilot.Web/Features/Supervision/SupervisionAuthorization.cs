using FinPilot.Domain.Identity;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Supervision.Disclosures;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Supervision;

/// <summary>
/// A supervised pilot as the resource of an authorisation question: its region (whose working group
/// supervises it) and its lead organisation (whose applicants report). Built from the plan, a report
/// or a disclosure, so that every record of the module is asked about the same way.
/// </summary>
public sealed record SupervisedProject(Guid ProjectId, int RegionId, Guid OrganisationId)
{
    public static SupervisedProject Of(SupervisionPlan plan) => new(plan.ProjectId, plan.RegionId, plan.OrganisationId);

    public static SupervisedProject Of(PeriodicReport report) => new(report.ProjectId, report.RegionId, report.OrganisationId);

    public static SupervisedProject Of(ProgressDisclosure disclosure) => new(disclosure.ProjectId, disclosure.RegionId, disclosure.OrganisationId);
}

public static class SupervisionOperations
{
    /// <summary>Read the plan, reports and disclosures: the region's working group, the lead organisation, integrity officers, the coordination group, admins.</summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("supervision.read");

    /// <summary>Edit and confirm the plan, review reports, approve disclosures, publish its own: the region's working group (admins anywhere).</summary>
    public static readonly OperationAuthorizationRequirement Supervise = Operations.Named("supervision.supervise");

    /// <summary>Write and submit reports, draft disclosures: the lead organisation's applicants.</summary>
    public static readonly OperationAuthorizationRequirement Report = Operations.Named("supervision.report");

    /// <summary>The working group's dashboard of a region: its working group, the coordination group, integrity officers, admins.</summary>
    public static readonly RegionOperation Dashboard = new("supervision.dashboard", SupervisionAccess.CanReadDashboard);
}

/// <summary>The rules of the module, from grants alone, so pages, endpoints and tests ask the same question.</summary>
public static class SupervisionAccess
{
    public static bool CanRead(IEnumerable<RoleGrant> grants, SupervisedProject project) =>
        grants.RunsRegion(project.RegionId) || grants.Has(Role.CoordinationGroup) || grants.Has(Role.IntegrityOfficer)
        || grants.Any(g => g.CoversOrganisation(project.OrganisationId));

    public static bool CanSupervise(IEnumerable<RoleGrant> grants, SupervisedProject project) => grants.RunsRegion(project.RegionId);

    public static bool CanReport(IEnumerable<RoleGrant> grants, SupervisedProject project) =>
        grants.Any(g => g.CoversOrganisation(project.OrganisationId));

    public static bool CanReadDashboard(IEnumerable<RoleGrant> grants, int regionId) =>
        grants.RunsRegion(regionId) || grants.Has(Role.CoordinationGroup) || grants.Has(Role.IntegrityOfficer);

    public static bool Allows(IEnumerable<RoleGrant> grants, OperationAuthorizationRequirement operation, SupervisedProject project) =>
        operation == SupervisionOperations.Read ? CanRead(grants, project)
        : operation == SupervisionOperations.Supervise ? CanSupervise(grants, project)
        : operation == SupervisionOperations.Report && CanReport(grants, project);
}

/// <summary>The handler for a supervised project's records.</summary>
public sealed class SupervisionAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, SupervisedProject>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, SupervisedProject resource, AuthorizationHandlerContext context) =>
        Task.FromResult(SupervisionAccess.Allows(grants, operation, resource));
}
