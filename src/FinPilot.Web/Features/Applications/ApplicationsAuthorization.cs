using System.Security.Claims;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Applications;

public static class ProjectOperations
{
    /// <summary>Read the application and its files (<see cref="ProjectAccess.CanView"/>, or a grant such as an expert's assignment).</summary>
    public static readonly OperationAuthorizationRequirement View = Operations.Named("project.view");

    /// <summary>Write the application: the lead organisation's applicants (whether it is open now is the project's to say).</summary>
    public static readonly OperationAuthorizationRequirement EditApplication = Operations.Named("project.edit-application");

    /// <summary>Accept the approval conditions for the lead institution (<see cref="ProjectPolicy.MayConfirmConditions"/>).</summary>
    public static readonly OperationAuthorizationRequirement ConfirmConditions = Operations.Named("project.confirm-conditions");

    /// <summary>形式审查: the working group of the project's region, admins anywhere.</summary>
    public static readonly RegionOperation Screen = new("project.screen", ProjectAccess.CanScreen);

    private static readonly Dictionary<ProjectTrigger, OperationAuthorizationRequirement> Moves =
        Enum.GetValues<ProjectTrigger>().ToDictionary(t => t, t => Operations.Named("project.move." + t));

    /// <summary>Pull <paramref name="trigger"/> on the project, whatever its stage (<see cref="ProjectPolicy.MayPull"/>).</summary>
    public static OperationAuthorizationRequirement Move(ProjectTrigger trigger) => Moves[trigger];

    internal static ProjectTrigger? TriggerOf(OperationAuthorizationRequirement operation) =>
        Moves.FirstOrDefault(m => ReferenceEquals(m.Value, operation)) is { Value: not null } found ? found.Key : null;
}

/// <summary>The handler for projects' own operations (screening is region-scoped, see <see cref="RegionScopedAuthorizationHandler"/>).</summary>
public sealed class ProjectAuthorizationHandler(CurrentUser current, IEnumerable<IProjectReadGrant> readGrants)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, PilotProject>(current)
{
    protected override async Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, PilotProject resource, AuthorizationHandlerContext context)
    {
        if (operation == ProjectOperations.View)
        {
            return grants.CanView(resource) || await ReadGrantedAsync(resource, context.User);
        }

        return Allows(grants, operation, resource);
    }

    /// <summary>The rules that need nothing but the grants (all but the read grants of <see cref="ProjectOperations.View"/>).</summary>
    public static bool Allows(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, PilotProject project)
    {
        if (operation == ProjectOperations.View)
        {
            return grants.CanView(project);
        }

        if (operation == ProjectOperations.EditApplication)
        {
            return grants.CanView(project) && grants.Any(g => g.CoversOrganisation(project.LeadOrganisationId));
        }

        if (operation == ProjectOperations.ConfirmConditions)
        {
            return ProjectPolicy.MayConfirmConditions(project, grants, null);
        }

        return ProjectOperations.TriggerOf(operation) is { } trigger && ProjectPolicy.MayPull(project, trigger, grants, null);
    }

    private async Task<bool> ReadGrantedAsync(PilotProject project, ClaimsPrincipal user)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return false;
        }

        foreach (var grant in readGrants)
        {
            if (await grant.AllowsAsync(project, userId, CancellationToken.None))
            {
                return true;
            }
        }

        return false;
    }
}
