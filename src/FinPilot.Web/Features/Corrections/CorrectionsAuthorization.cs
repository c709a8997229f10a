using FinPilot.Domain.Identity;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Corrections;

/// <summary>A pilot as the resource of a correction question: its region (whose working group orders) and lead organisation (which answers).</summary>
public sealed record CorrectionProject(Guid ProjectId, int RegionId, Guid OrganisationId)
{
    public static CorrectionProject Of(ISupervisedRecord record) => new(record.ProjectId, record.RegionId, record.OrganisationId);
}

public static class CorrectionOperations
{
    /// <summary>Read orders and tolerated deviations: the lead organisation's applicants, the region's working group, integrity officers, the coordination group, admins.</summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("correction.read");

    /// <summary>Issue, verify, extend, revoke and disclose orders; tolerate deviations and review them: the region's working group (admins anywhere).</summary>
    public static readonly OperationAuthorizationRequirement Supervise = Operations.Named("correction.supervise");

    /// <summary>Answer an order with a plan and evidence: the lead organisation's applicants only.</summary>
    public static readonly OperationAuthorizationRequirement Answer = Operations.Named("correction.answer");
}

/// <summary>The rules of the module, from grants alone, so lists, records, pages and tests ask the same question.</summary>
public static class CorrectionAccess
{
    public static bool CanRead(IEnumerable<RoleGrant> grants, CorrectionProject project) =>
        grants.RunsRegion(project.RegionId) || grants.Has(Role.CoordinationGroup) || grants.Has(Role.IntegrityOfficer)
        || grants.Any(g => g.CoversOrganisation(project.OrganisationId));

    public static bool CanSupervise(IEnumerable<RoleGrant> grants, CorrectionProject project) => grants.RunsRegion(project.RegionId);

    public static bool CanAnswer(IEnumerable<RoleGrant> grants, CorrectionProject project) => grants.Any(g => g.CoversOrganisation(project.OrganisationId));

    public static bool Allows(IEnumerable<RoleGrant> grants, OperationAuthorizationRequirement operation, CorrectionProject project) =>
        operation == CorrectionOperations.Read ? CanRead(grants, project)
        : operation == CorrectionOperations.Supervise ? CanSupervise(grants, project)
        : operation == CorrectionOperations.Answer && CanAnswer(grants, project);
}

/// <summary>The handler for a pilot's correction orders and tolerated deviations.</summary>
public sealed class CorrectionAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, CorrectionProject>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, CorrectionProject resource, AuthorizationHandlerContext context) =>
        Task.FromResult(CorrectionAccess.Allows(grants, operation, resource));
}
