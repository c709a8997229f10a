using FinPilot.Domain.Common;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>A search of scenarios: words in the title or pain point, region, area, technology; published ones unless a status is asked for.</summary>
public sealed record ScenarioFilter
{
    public string? Query { get; init; }

    public int? RegionId { get; init; }

    public BusinessArea? Area { get; init; }

    public Technology? Technology { get; init; }

    public ScenarioStatus? Status { get; init; }

    /// <summary>Only those of this publishing organisation.</summary>
    public Guid? OrganisationId { get; init; }

    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

/// <summary>One scenario as lists show it.</summary>
public sealed record ScenarioRow(
    Guid Id, string Title, string PainPoint, BusinessArea Area, IReadOnlyList<Technology> Technologies, int RegionId, Guid? PublisherOrganisationId,
    ScenarioVisibility Visibility, ScenarioStatus Status, DateTimeOffset? PublishedAt);

/// <summary>One solution as lists show it.</summary>
public sealed record SolutionRow(
    Guid Id, string Title, Guid OrganisationId, int RegionId, Guid? ScenarioId, BusinessArea? Area, IReadOnlyList<Technology> Technologies,
    SolutionStatus Status, DateTimeOffset? PublishedAt);

/// <summary>A scenario with what the reader may do and the solutions it sees answering it.</summary>
public sealed record ScenarioView(Scenario Scenario, bool CanAct, IReadOnlyList<SolutionRow> Solutions);

public sealed record SolutionView(Solution Solution, bool CanAct, string? ScenarioTitle);

/// <summary>
/// Reads of scenario matching, always through <see cref="VisibleScenarios"/>: an invisible record is
/// not found, whoever asks and however. Lists are filtered, ordered and paged in SQL.
/// </summary>
public sealed class ScenarioQueries(FinPilotDbContext db, VisibleScenarios visible, CommandPipeline commands)
{
    public async Task<Page<ScenarioRow>> SearchAsync(ScenarioFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var viewer = await visible.ViewerAsync(ct);
        var query = visible.Scenarios(viewer).AsNoTracking().Where(s => s.Status == (filter.Status ?? ScenarioStatus.Published));
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var words = filter.Query.Trim();
            query = query.Where(s => s.Title.Contains(words) || s.PainPoint.Contains(words));
        }

        if (filter.RegionId is { } region)
        {
            query = query.Where(s => s.RegionId == region);
        }

        if (filter.Area is { } area)
        {
            query = query.Where(s => s.Area == area);
        }

        if (filter.Technology is { } technology)
        {
            var needle = TechnologyTags.Needle(technology);
            query = query.Where(s => s.TechnologyCodes.Contains(needle));
        }

        if (filter.OrganisationId is { } organisation)
        {
            query = query.Where(s => s.PublisherOrganisationId == organisation);
        }

        var (number, size) = Page<ScenarioRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(s => new { s.Id, s.Title, s.PainPoint, s.Area, s.TechnologyCodes, s.RegionId, s.PublisherOrganisationId, s.Visibility, s.Status, s.PublishedAt })
            .ToListAsync(ct);
        return new Page<ScenarioRow>(
            [.. rows.Select(s => new ScenarioRow(s.Id, s.Title, s.PainPoint, s.Area, TechnologyTags.Decode(s.TechnologyCodes), s.RegionId, s.PublisherOrganisationId, s.Visibility, s.Status, s.PublishedAt))],
            number, size, total);
    }

    public async Task<Result<ScenarioView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var viewer = await visible.ViewerAsync(ct);
        var scenario = await visible.Scenarios(viewer).AsNoTracking().Include(s => s.Invitations).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return new Error(ScenarioErrors.NotFound);
        }

        var solutions = await SolutionsAsync(viewer, id, null, ct);
        return new ScenarioView(scenario, await commands.AllowsAsync(MatchingParty.Of(scenario), ScenarioOperations.Act), solutions);
    }

    /// <summary>Solutions the reader sees: published ones, plus its own organisations' in any status when <paramref name="organisationId"/> is given.</summary>
    public async Task<Page<SolutionRow>> SolutionListAsync(Guid? scenarioId, Guid? organisationId, Technology? technology, int? page, int? pageSize, CancellationToken ct = default)
    {
        var viewer = await visible.ViewerAsync(ct);
        var query = visible.Solutions(viewer).AsNoTracking();
        query = organisationId is { } org ? query.Where(s => s.OrganisationId == org) : query.Where(s => s.Status == SolutionStatus.Published);
        if (scenarioId is { } sid)
        {
            query = query.Where(s => s.ScenarioId == sid);
        }

        if (technology is { } t)
        {
            var needle = TechnologyTags.Needle(t);
            query = query.Where(s => s.TechnologyCodes.Contains(needle));
        }

        var (number, size) = Page<SolutionRow>.Normalise(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<SolutionRow>([.. rows.Select(Row)], number, size, total);
    }

    public async Task<Result<SolutionView>> SolutionAsync(Guid id, CancellationToken ct = default)
    {
        var viewer = await visible.ViewerAsync(ct);
        var solution = await visible.Solutions(viewer).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (solution is null)
        {
            return new Error(ScenarioErrors.SolutionNotFound);
        }

        // The answered scenario is named only to those who may see it.
        var title = solution.ScenarioId is { } sid
            ? await visible.Scenarios(viewer).Where(s => s.Id == sid).Select(s => s.Title).SingleOrDefaultAsync(ct)
            : null;
        return new SolutionView(solution, await commands.AllowsAsync(MatchingParty.Of(solution), ScenarioOperations.Act), title);
    }

    /// <summary>An organisation's subscriptions, for its own applicants.</summary>
    public async Task<Result<IReadOnlyList<ScenarioSubscription>>> SubscriptionsAsync(Guid organisationId, CancellationToken ct = default)
    {
        var region = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => (int?)o.RegionId).SingleOrDefaultAsync(ct);
        if (region is null)
        {
            return new Error(ScenarioErrors.OrganisationNotFound, "organisationId");
        }

        if (!await commands.AllowsAsync(new MatchingParty(region.Value, organisationId), ScenarioOperations.Act))
        {
            return Problems.Forbidden;
        }

        return Result<IReadOnlyList<ScenarioSubscription>>.Ok(
            await db.ScenarioSubscriptions.AsNoTracking().Where(s => s.OrganisationId == organisationId).OrderBy(s => s.CreatedAt).ToListAsync(ct));
    }

    /// <summary>The organisations named on a page (publishers and offerers), by id.</summary>
    public async Task<Dictionary<Guid, Domain.Organisations.Organisation>> OrganisationsAsync(IEnumerable<Guid?> ids, CancellationToken ct = default)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
    }

    public static SolutionRow Row(Solution s) =>
        new(s.Id, s.Title, s.OrganisationId, s.RegionId, s.ScenarioId, s.Area, s.Technologies, s.Status, s.PublishedAt);

    private async Task<IReadOnlyList<SolutionRow>> SolutionsAsync(ScenarioViewer viewer, Guid scenarioId, Guid? organisationId, CancellationToken ct)
    {
        var rows = await visible.Solutions(viewer).AsNoTracking()
            .Where(s => s.ScenarioId == scenarioId && (s.Status == SolutionStatus.Published || (organisationId != null && s.OrganisationId == organisationId)))
            .OrderByDescending(s => s.PublishedAt).Take(100).ToListAsync(ct);
        return [.. rows.Select(Row)];
    }
}
