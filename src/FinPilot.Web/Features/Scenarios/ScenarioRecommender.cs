using FinPilot.Domain.Common;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>
/// The node's one ranker over every published scenario and solution, rebuilt when the published set
/// changes. The stamp (counts and the latest change of both tables) is read from the database at each
/// request, so a change made on another node is seen too.
/// </summary>
public sealed class ScenarioIndex
{
    private readonly Lock _gate = new();
    private (string Stamp, MatchRanker Ranker)? _current;
    private long _generation;

    /// <summary>Bumped by this node's commands after each saved change, so an edit within one clock tick is not missed.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Changed() => Interlocked.Increment(ref _generation);

    public MatchRanker? Current(string stamp)
    {
        lock (_gate)
        {
            return _current is { } c && c.Stamp == stamp ? c.Ranker : null;
        }
    }

    public MatchRanker Install(string stamp, MatchRanker ranker)
    {
        lock (_gate)
        {
            _current = (stamp, ranker);
            return ranker;
        }
    }
}

/// <summary>A recommendation with the names a reader needs.</summary>
public sealed record RecommendationView(Recommendation Why, string Title, Guid? OrganisationId, int RegionId);

/// <summary>
/// Recommendations that explain themselves: for a scenario, ranked solutions; for a solution, ranked
/// scenarios. The query item must be visible to the reader, and the visibility rule
/// (<see cref="VisibleScenarios"/>) picks the candidates before anything is ranked or returned.
/// </summary>
public sealed class ScenarioRecommender(FinPilotDbContext db, VisibleScenarios visible, ScenarioIndex index)
{
    public const int DefaultTake = 10;
    public const int MaxTake = 50;

    public async Task<Result<IReadOnlyList<RecommendationView>>> ForScenarioAsync(Guid scenarioId, int? take, CancellationToken ct = default)
    {
        var viewer = await visible.ViewerAsync(ct);
        var scenario = await visible.Scenarios(viewer).AsNoTracking().SingleOrDefaultAsync(s => s.Id == scenarioId, ct);
        if (scenario is null)
        {
            return new Error(ScenarioErrors.NotFound);
        }

        var allowed = (await visible.PublishedSolutions(viewer).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        return await RankAsync(Document(scenario), allowed, take, ct);
    }

    public async Task<Result<IReadOnlyList<RecommendationView>>> ForSolutionAsync(Guid solutionId, int? take, CancellationToken ct = default)
    {
        var viewer = await visible.ViewerAsync(ct);
        var solution = await visible.Solutions(viewer).AsNoTracking().SingleOrDefaultAsync(s => s.Id == solutionId, ct);
        if (solution is null)
        {
            return new Error(ScenarioErrors.SolutionNotFound);
        }

        var allowed = (await visible.PublishedScenarios(viewer).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var area = solution.Area ?? await AnsweredAreaAsync(solution.ScenarioId, ct);
        return await RankAsync(Document(solution, area), allowed, take, ct);
    }

    public static MatchDocument Document(Scenario s) => new(
        s.Id, MatchSide.Scenario, s.Title, string.Join('\n', s.PainPoint, s.DataAvailable, s.ExpectedOutcome), s.Technologies, s.Area, s.RegionId);

    public static MatchDocument Document(Solution s, BusinessArea? area) => new(
        s.Id, MatchSide.Solution, s.Title, string.Join('\n', s.Capability, s.References), s.Technologies, area, s.RegionId);

    private async Task<Result<IReadOnlyList<RecommendationView>>> RankAsync(MatchDocument query, HashSet<Guid> allowed, int? take, CancellationToken ct)
    {
        var ranker = await RankerAsync(ct);
        var ranked = ranker.Rank(query, allowed.Contains, Math.Clamp(take ?? DefaultTake, 1, MaxTake));
        var ids = ranked.Select(r => r.Id).ToList();
        var owners = query.Side == MatchSide.Scenario
            ? await db.Solutions.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, Org = (Guid?)s.OrganisationId }).ToDictionaryAsync(x => x.Id, x => x.Org, ct)
            : await db.Scenarios.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, Org = s.PublisherOrganisationId }).ToDictionaryAsync(x => x.Id, x => x.Org, ct);
        return Result<IReadOnlyList<RecommendationView>>.Ok([.. ranked.Select(r =>
        {
            var d = ranker.Find(r.Id)!;
            return new RecommendationView(r, d.Title, owners.GetValueOrDefault(r.Id), d.RegionId);
        })]);
    }

    private async Task<MatchRanker> RankerAsync(CancellationToken ct)
    {
        var scenarios = db.Scenarios.AsNoTracking().Where(s => s.Status == ScenarioStatus.Published);
        var solutions = db.Solutions.AsNoTracking().Where(s => s.Status == SolutionStatus.Published);
        var stamp = string.Join('|', index.Generation,
            await scenarios.CountAsync(ct), await scenarios.MaxAsync(s => (DateTimeOffset?)s.UpdatedAt, ct),
            await solutions.CountAsync(ct), await solutions.MaxAsync(s => (DateTimeOffset?)s.UpdatedAt, ct),
            await db.Scenarios.CountAsync(ct), await db.Solutions.CountAsync(ct));
        if (index.Current(stamp) is { } current)
        {
            return current;
        }

        var scenarioList = await scenarios.ToListAsync(ct);
        var areas = scenarioList.ToDictionary(s => s.Id, s => s.Area);
        var solutionList = await solutions.ToListAsync(ct);
        var documents = scenarioList.Select(Document)
            .Concat(solutionList.Select(s => Document(s, s.Area ?? (s.ScenarioId is { } id && areas.TryGetValue(id, out var a) ? a : null))));
        return index.Install(stamp, new MatchRanker(documents));
    }

    private async Task<BusinessArea?> AnsweredAreaAsync(Guid? scenarioId, CancellationToken ct) =>
        scenarioId is { } id ? await db.Scenarios.AsNoTracking().Where(s => s.Id == id).Select(s => (BusinessArea?)s.Area).SingleOrDefaultAsync(ct) : null;
}
