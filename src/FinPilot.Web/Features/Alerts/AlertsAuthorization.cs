using FinPilot.Domain.Alerts;
using FinPilot.Domain.Identity;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Alerts;

public static class AlertOperations
{
    /// <summary>Read alerts: the region's working group, the lead organisation's applicants, integrity officers, the coordination group, admins.</summary>
    public static readonly OperationAuthorizationRequirement Read = Operations.Named("alert.read");

    /// <summary>Acknowledge, resolve, dismiss, escalate: the region's working group (admins anywhere).</summary>
    public static readonly OperationAuthorizationRequirement Triage = Operations.Named("alert.triage");

    /// <summary>Set a pilot's own rule settings: the region's working group (admins anywhere).</summary>
    public static readonly OperationAuthorizationRequirement SetRules = Operations.Named("alert.set-rules");
}

/// <summary>A pilot as the resource of an alert question: its region and lead organisation. Built from an alert or a project.</summary>
public sealed record AlertedProject(Guid ProjectId, int RegionId, Guid OrganisationId)
{
    public static AlertedProject Of(Alert alert) => new(alert.ProjectId, alert.RegionId, alert.OrganisationId);
}

/// <summary>Which alerts a list asks for before any is loaded: one region's, one organisation's, or (both null) whatever the caller may see.</summary>
public sealed record AlertScope(int? RegionId, Guid? OrganisationId);

/// <summary>The rules of the module from grants alone, so pages, endpoints and tests ask the same question.</summary>
public static class AlertAccess
{
    public static bool CanRead(IReadOnlyList<RoleGrant> grants, AlertedProject project) => SupervisedScope.Of(grants).Covers(project.RegionId, project.OrganisationId);

    public static bool CanTriage(IEnumerable<RoleGrant> grants, AlertedProject project) => grants.RunsRegion(project.RegionId);

    public static bool CanSetRules(IEnumerable<RoleGrant> grants, AlertedProject project) => grants.RunsRegion(project.RegionId);

    public static bool Allows(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, AlertedProject project) =>
        operation == AlertOperations.Read ? CanRead(grants, project)
        : operation == AlertOperations.Triage ? CanTriage(grants, project)
        : operation == AlertOperations.SetRules && CanSetRules(grants, project);
}

/// <summary>The handler for alerts, asked with an alert, a project or the scope of a list.</summary>
public sealed class AlertAuthorizationHandler(CurrentUser current) : AuthorizationHandler<OperationAuthorizationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement)
    {
        if ((requirement != AlertOperations.Read && requirement != AlertOperations.Triage && requirement != AlertOperations.SetRules)
            || context.Resource is not (Alert or AlertedProject or AlertScope))
        {
            return;
        }

        var grants = await current.GrantsOfAsync(context.User);
        var allowed = context.Resource switch
        {
            Alert alert => AlertAccess.Allows(grants, requirement, AlertedProject.Of(alert)),
            AlertedProject project => AlertAccess.Allows(grants, requirement, project),
            AlertScope scope => requirement == AlertOperations.Read && SupervisedScope.Of(grants).Allows(scope.RegionId, scope.OrganisationId),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
