using FinPilot.Domain.Identity;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>Who is looking: what the visibility rule needs to know about the reader, from their grants.</summary>
public sealed record ScenarioViewer(bool SignedIn, bool SeesAll, IReadOnlyList<Guid> OrganisationIds, IReadOnlyList<int> RegionIds)
{
    public static readonly ScenarioViewer Anonymous = new(false, false, [], []);

    public static ScenarioViewer From(bool signedIn, IReadOnlyList<RoleGrant> grants) => new(
        signedIn,
        ScenarioAccess.SeesAll(grants),
        [.. grants.Where(g => g.Role == Role.Applicant && g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).Distinct()],
        [.. grants.Where(g => g.Role == Role.RegionalWorkingGroup && g.RegionId is not null).Select(g => g.RegionId!.Value).Distinct()]);

    /// <summary>Whether the reader publishes <paramref name="scenario"/> (or runs its region): the same rule as <see cref="VisibleScenarios"/>'s SQL.</summary>
    public bool IsPublisherOf(Scenario scenario) =>
        SeesAll || RegionIds.Contains(scenario.RegionId)
        || (scenario.PublisherOrganisationId is { } org && OrganisationIds.Contains(org));
}

/// <summary>
/// THE visibility rule of scenario matching, written once as SQL-translatable filters and used by
/// every reader: pages, API, the Atom feed, search, subscriptions and recommendations. A scenario is
/// visible to its publisher's side (the organisation's applicants, the region's working group) in any
/// status and to national oversight; once published (or closed) it is visible to everyone when
/// public, to signed-in members when for members, and only to the invited organisations when
/// invited. A solution is visible to its offerer and its region's working group in any status; once
/// published, to whoever sees the scenario it answers (everyone, for a standing capability).
/// </summary>
public sealed class VisibleScenarios(FinPilotDbContext db, CurrentUser current)
{
    public async Task<ScenarioViewer> ViewerAsync(CancellationToken ct = default) =>
        current.IsAuthenticated ? ScenarioViewer.From(true, await current.GrantsAsync(ct)) : ScenarioViewer.Anonymous;

    public IQueryable<Scenario> Scenarios(ScenarioViewer viewer) => Filter(db.Scenarios, viewer);

    public IQueryable<Solution> Solutions(ScenarioViewer viewer) => Filter(db.Solutions, db.Scenarios, viewer);

    /// <summary>Published scenarios the viewer sees: what lists, feeds and recommendations show.</summary>
    public IQueryable<Scenario> PublishedScenarios(ScenarioViewer viewer) => Scenarios(viewer).Where(s => s.Status == ScenarioStatus.Published);

    /// <summary>Published solutions the viewer sees.</summary>
    public IQueryable<Solution> PublishedSolutions(ScenarioViewer viewer) => Solutions(viewer).Where(s => s.Status == SolutionStatus.Published);

    public static IQueryable<Scenario> Filter(IQueryable<Scenario> scenarios, ScenarioViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.SeesAll)
        {
            return scenarios;
        }

        var organisations = viewer.OrganisationIds.ToList();
        var regions = viewer.RegionIds.ToList();
        var signedIn = viewer.SignedIn;
        return scenarios.Where(s =>
            regions.Contains(s.RegionId)
            || (s.PublisherOrganisationId != null && organisations.Contains(s.PublisherOrganisationId.Value))
            || (s.Status != ScenarioStatus.Draft
                && (s.Visibility == ScenarioVisibility.Public
                    || (signedIn && s.Visibility == ScenarioVisibility.Members)
                    || (s.Visibility == ScenarioVisibility.Invited && s.Invitations.Any(i => organisations.Contains(i.OrganisationId))))));
    }

    public static IQueryable<Solution> Filter(IQueryable<Solution> solutions, IQueryable<Scenario> scenarios, ScenarioViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.SeesAll)
        {
            return solutions;
        }

        var organisations = viewer.OrganisationIds.ToList();
        var regions = viewer.RegionIds.ToList();
        var visible = Filter(scenarios, viewer).Select(s => s.Id);
        return solutions.Where(s =>
            organisations.Contains(s.OrganisationId)
            || regions.Contains(s.RegionId)
            || (s.Status == SolutionStatus.Published && (s.ScenarioId == null || visible.Contains(s.ScenarioId.Value))));
    }
}
