using FinPilot.Domain.Identity;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>
/// Who stands behind a scenario or a solution: an organisation (its applicants act for it), or — for
/// a scenario a working group publishes — only a region (its working group acts for it).
/// </summary>
public sealed record MatchingParty(int RegionId, Guid? OrganisationId)
{
    public static MatchingParty Of(Scenario scenario) => new(scenario.RegionId, scenario.PublisherOrganisationId);

    public static MatchingParty Of(Solution solution) => new(solution.RegionId, solution.OrganisationId);
}

public static class ScenarioOperations
{
    /// <summary>Draft, edit, publish, close a scenario; draft, edit, publish, withdraw a solution: the party's own people (admins anywhere).</summary>
    public static readonly OperationAuthorizationRequirement Act = Operations.Named("scenario.act");
}

/// <summary>The rules of the module from grants alone, so commands, pages and tests ask the same question.</summary>
public static class ScenarioAccess
{
    /// <summary>An organisation's applicants act for it; a region-only party is its working group's. Admins act for anyone.</summary>
    public static bool CanAct(IEnumerable<RoleGrant> grants, MatchingParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        var list = grants as IReadOnlyCollection<RoleGrant> ?? [.. grants];
        return list.IsAdmin() || (party.OrganisationId is { } organisation
            ? list.Any(g => g.CoversOrganisation(organisation))
            : list.RunsRegion(party.RegionId));
    }

    /// <summary>Whether the grants stand for the party itself (not an admin acting anywhere): its applicants, or the region's working group.</summary>
    public static bool CanActAsOwner(IEnumerable<RoleGrant> grants, MatchingParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return party.OrganisationId is { } organisation
            ? grants.Any(g => g.CoversOrganisation(organisation))
            : grants.Any(g => g.Role == Role.RegionalWorkingGroup && g.CoversRegion(party.RegionId));
    }

    /// <summary>Who reads every scenario whatever its visibility: admins, the coordination group, integrity officers (national oversight).</summary>
    public static bool SeesAll(IEnumerable<RoleGrant> grants) =>
        grants.Any(g => g.Role is Role.PlatformAdmin or Role.CoordinationGroup or Role.IntegrityOfficer);
}

/// <summary>The handler for scenarios and solutions.</summary>
public sealed class ScenarioAuthorizationHandler(CurrentUser current)
    : GrantsAuthorizationHandler<OperationAuthorizationRequirement, MatchingParty>(current)
{
    protected override Task<bool> AllowsAsync(IReadOnlyList<RoleGrant> grants, OperationAuthorizationRequirement operation, MatchingParty resource, AuthorizationHandlerContext context) =>
        Task.FromResult(operation == ScenarioOperations.Act && ScenarioAccess.CanAct(grants, resource));
}
