using FinPilot.Domain.Common;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Regions;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>Who the caller stands for in scenario matching: its organisations (as their applicant) and the regions whose working group it is.</summary>
public sealed record ActingFor(IReadOnlyList<Organisation> Organisations, IReadOnlyList<Region> Regions)
{
    public bool IsEmpty => Organisations.Count == 0 && Regions.Count == 0;
}

/// <summary>The caller's own scenarios and solutions, any status, each list paged.</summary>
public sealed record MyMatching(Page<ScenarioRow> Scenarios, Page<SolutionRow> Solutions);

/// <summary>
/// The signed-in side of scenario matching: what the caller publishes and offers, and the
/// counterparts it may pick when it expresses interest. Everything is scoped to the caller's own
/// organisations (applicant grants) and working-group regions, filtered and paged in SQL.
/// </summary>
public sealed class ScenarioWorkspace(FinPilotDbContext db, VisibleScenarios visible)
{
    public const int MaxChoices = 100;

    public async Task<ActingFor> ActingForAsync(CancellationToken ct = default)
    {
        var viewer = await visible.ViewerAsync(ct);
        var organisations = viewer.OrganisationIds.ToList();
        var regions = viewer.RegionIds.ToList();
        return new ActingFor(
            organisations.Count == 0 ? [] : await db.Organisations.AsNoTracking().Where(o => organisations.Contains(o.Id)).OrderBy(o => o.NameZh).ToListAsync(ct),
            regions.Count == 0 ? [] : await db.Regions.AsNoTracking().Where(r => regions.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(ct));
    }

    public async Task<MyMatching> MineAsync(int? scenarioPage, int? solutionPage, CancellationToken ct = default)
    {
        var viewer = await visible.ViewerAsync(ct);
        var scenarios = OwnScenarios(viewer);
        var (sn, ss) = Page<ScenarioRow>.Normalise(scenarioPage, null);
        var scenarioTotal = await scenarios.CountAsync(ct);
        var scenarioRows = await scenarios.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id).Skip((sn - 1) * ss).Take(ss).ToListAsync(ct);

        var solutions = OwnSolutions(viewer);
        var (on, os) = Page<SolutionRow>.Normalise(solutionPage, null);
        var solutionTotal = await solutions.CountAsync(ct);
        var solutionRows = await solutions.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id).Skip((on - 1) * os).Take(os).ToListAsync(ct);
        return new MyMatching(
            new Page<ScenarioRow>([.. scenarioRows.Select(Row)], sn, ss, scenarioTotal),
            new Page<SolutionRow>([.. solutionRows.Select(ScenarioQueries.Row)], on, os, solutionTotal));
    }

    /// <summary>The caller's own published scenarios, to offer a solution's page as counterparts.</summary>
    public async Task<IReadOnlyList<ScenarioRow>> MyPublishedScenariosAsync(CancellationToken ct = default)
    {
        var viewer = await visible.ViewerAsync(ct);
        var rows = await OwnScenarios(viewer).Where(s => s.Status == ScenarioStatus.Published)
            .OrderByDescending(s => s.CreatedAt).Take(MaxChoices).ToListAsync(ct);
        return [.. rows.Select(Row)];
    }

    /// <summary>The caller's own published solutions, to offer a scenario's page as counterparts.</summary>
    public async Task<IReadOnlyList<SolutionRow>> MyPublishedSolutionsAsync(CancellationToken ct = default)
    {
        var viewer = await visible.ViewerAsync(ct);
        var rows = await OwnSolutions(viewer).Where(s => s.Status == SolutionStatus.Published)
            .OrderByDescending(s => s.CreatedAt).Take(MaxChoices).ToListAsync(ct);
        return [.. rows.Select(ScenarioQueries.Row)];
    }

    /// <summary>Organisations that may be invited to a scenario, by name.</summary>
    public Task<List<Organisation>> InvitableAsync(CancellationToken ct = default) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.NameZh).Take(500).ToListAsync(ct);

    public static ScenarioRow Row(Scenario s) =>
        new(s.Id, s.Title, s.PainPoint, s.Area, s.Technologies, s.RegionId, s.PublisherOrganisationId, s.Visibility, s.Status, s.PublishedAt);

    private IQueryable<Scenario> OwnScenarios(ScenarioViewer viewer)
    {
        var organisations = viewer.OrganisationIds.ToList();
        var regions = viewer.RegionIds.ToList();
        return db.Scenarios.AsNoTracking().Where(s =>
            (s.PublisherOrganisationId != null && organisations.Contains(s.PublisherOrganisationId.Value))
            || (s.PublisherOrganisationId == null && regions.Contains(s.RegionId)));
    }

    private IQueryable<Solution> OwnSolutions(ScenarioViewer viewer)
    {
        var organisations = viewer.OrganisationIds.ToList();
        return db.Solutions.AsNoTracking().Where(s => organisations.Contains(s.OrganisationId));
    }
}
