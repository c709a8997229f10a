using FinPilot.Domain.Identity;
using FinPilot.Domain.Incidents;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Incidents;

/// <summary>A pilot as the resource of an incident question: its region (whose working group triages) and lead organisation (whose applicants report).</summary>
public sealed record IncidentProject(Guid ProjectId, int RegionId, Guid OrganisationId)
{
    public static IncidentProject Of(Incident incident) => new(incident.ProjectId, incident.RegionId, incident.OrganisationId);
}

public static class IncidentOperations
{
    /// <summary>Read a pilot's incidents: the lead organisation's applicants, the region's working group, integrity officers, the coordination group, admins.</summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("incident.read");

    /// <summary>Report an incident and add updates: the lead organisation's applicants only.</summary>
    public static readonly OperationAuthorizationRequirement Report = Operations.Named("incident.report");

    /// <summary>Acknowledge, ask for more, close: the region's working group (admins anywhere).</summary>
    public static readonly OperationAuthorizationRequirement Triage = Operations.Named("incident.triage");

    /// <summary>Ask the institution for an incident report on a pilot: the region's working group (admins anywhere).</summary>
    public static readonly OperationAuthorizationRequirement RequestReport = Operations.Named("incident.request-report");
}

/// <summary>The rules of the module, from grants alone, so lists, records, pages and tests ask the same question.</summary>
public static class IncidentAccess
{
    public static bool CanRead(IEnumerable<RoleGrant> grants, IncidentProject project) =>
        grants.RunsRegion(project.RegionId) || grants.Has(Role.CoordinationGroup) || grants.Has(Role.IntegrityOfficer)
        || grants.Any(g => g.CoversOrganisation(project.OrganisationId));

    public static bool CanReport(IEnumerable<RoleGrant> grants, IncidentProject project) => grants.Any(g => g.CoversOrganisation(project.OrganisationId));

    public static bool CanTriage(IEnumerable<RoleGrant> grants, IncidentProject project) => grants.RunsRegion(project.RegionId);

    public static bool Allows(IEnumerable<RoleGrant> grants, OperationAuthorizationRequirement operation, IncidentProject project) =>
        operation == IncidentOperations.Read ? CanRead(grants, project)
        : operation == IncidentOperations.Triage || operation == IncidentOperations.RequestReport ? CanTriage(grants, project)
        : operation == IncidentOperations.Report && CanReport(grants, project);
}

/// <summary>The handler for a pilot's incidents.</summary>
public sealed class IncidentAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, IncidentProject>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, IncidentProject resource, AuthorizationHandlerContext context) =>
        Task.FromResult(IncidentAccess.Allows(grants, operation, resource));
}
