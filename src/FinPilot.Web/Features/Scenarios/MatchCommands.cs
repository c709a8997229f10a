using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>A match with what the reader may do in it.</summary>
public sealed record MatchView(ScenarioMatch Match, string ScenarioTitle, string SolutionTitle, bool CanPost, MatchParty? MySide);

/// <summary>
/// Expressions of interest and matches (对接): either side expresses interest in a pair it can see;
/// the other side's consent makes the match, whose private thread only the two organisations and the
/// scenario's regional working group read and write; the coordination group reads every match (it
/// oversees coaching and roadshows) but does not write in the thread; everyone else: not found.
/// </summary>
public sealed class MatchCommands(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, VisibleScenarios visible, ScenarioNotifications notifications, TimeProvider clock)
{
    /// <summary>The caller's side expresses interest in (or consents to) the pair.</summary>
    public async Task<Result<ScenarioMatch>> ExpressInterestAsync(Guid scenarioId, Guid solutionId, CancellationToken ct = default)
    {
        var viewer = await visible.ViewerAsync(ct);
        var scenario = await visible.Scenarios(viewer).AsNoTracking().SingleOrDefaultAsync(s => s.Id == scenarioId, ct);
        if (scenario is null)
        {
            return new Error(ScenarioErrors.NotFound, "scenarioId");
        }

        var solution = await visible.Solutions(viewer).AsNoTracking().SingleOrDefaultAsync(s => s.Id == solutionId, ct);
        if (solution is null)
        {
            return new Error(ScenarioErrors.SolutionNotFound, "solutionId");
        }

        var grants = await current.GrantsAsync(ct);
        MatchParty? side = ScenarioAccess.CanActAsOwner(grants, MatchingParty.Of(scenario)) ? MatchParty.Scenario
            : ScenarioAccess.CanActAsOwner(grants, MatchingParty.Of(solution)) ? MatchParty.Solution
            : null;
        if (side is not { } by)
        {
            return Problems.Forbidden;
        }

        var now = clock.GetUtcNow();
        var match = await db.ScenarioMatches.SingleOrDefaultAsync(m => m.ScenarioId == scenarioId && m.SolutionId == solutionId, ct);
        Result result;
        if (match is null)
        {
            var proposed = ScenarioMatch.Propose(scenario, solution, by, now, current.Id!);
            if (!proposed.Succeeded)
            {
                return proposed;
            }

            match = proposed.Value;
            db.ScenarioMatches.Add(match);
            result = Result.Ok();
        }
        else
        {
            result = match.Consent(by, now, current.Id!);
        }

        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<ScenarioMatch>.Fail([.. result.Errors]);
        }

        await notifications.InterestAsync(match, by, scenario.Title, solution.Title, ct);
        try
        {
            await commands.SaveAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Both sides at once: the unique pair refused the second row.
            db.ChangeTracker.Clear();
            return new Error(ScenarioErrors.Concurrency);
        }

        return match;
    }

    public async Task<Result<MatchView>> GetAsync(Guid matchId, CancellationToken ct = default)
    {
        var match = await db.ScenarioMatches.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matchId, ct);
        if (match is null || !Reads(await current.GrantsAsync(ct), match))
        {
            return new Error(ScenarioErrors.MatchNotFound);
        }

        return await ViewAsync(match, ct);
    }

    /// <summary>The matches the caller takes part in (the coordination group and admins: all), newest first; one query.</summary>
    public async Task<IReadOnlyList<MatchView>> MineAsync(CancellationToken ct = default)
    {
        var grants = await current.GrantsAsync(ct);
        var viewer = ScenarioViewer.From(true, grants);
        var organisations = viewer.OrganisationIds.ToList();
        var regions = viewer.RegionIds.ToList();
        var all = grants.IsAdmin() || grants.Has(Role.CoordinationGroup);
        var rows = await (
            from m in db.ScenarioMatches.AsNoTracking()
            where all || regions.Contains(m.RegionId) || organisations.Contains(m.SolutionOrganisationId)
                || (m.ScenarioOrganisationId != null && organisations.Contains(m.ScenarioOrganisationId.Value))
            orderby m.CreatedAt descending
            select new
            {
                Match = m,
                ScenarioTitle = db.Scenarios.Where(s => s.Id == m.ScenarioId).Select(s => s.Title).FirstOrDefault(),
                SolutionTitle = db.Solutions.Where(s => s.Id == m.SolutionId).Select(s => s.Title).FirstOrDefault(),
            }).Take(200).ToListAsync(ct);
        return [.. rows.Select(r => View(grants, r.Match, r.ScenarioTitle ?? string.Empty, r.SolutionTitle ?? string.Empty))];
    }

    public async Task<Result<MatchView>> PostAsync(Guid matchId, string text, CancellationToken ct = default)
    {
        var match = await db.ScenarioMatches.SingleOrDefaultAsync(m => m.Id == matchId, ct);
        var grants = await current.GrantsAsync(ct);
        if (match is null || !Reads(grants, match))
        {
            return new Error(ScenarioErrors.MatchNotFound);
        }

        if (!Takes(grants, match))
        {
            // The coordination group reads the thread; it is the two organisations' and the working group's to write in.
            return Problems.Forbidden;
        }

        var author = await db.Users.AsNoTracking().Where(u => u.Id == current.Id).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? string.Empty;
        var posted = match.Post(text ?? string.Empty, author, clock.GetUtcNow(), current.Id!);
        if (!posted.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<MatchView>.Fail([.. posted.Errors]);
        }

        await notifications.MessageAsync(match, current.Id!, ct);
        var saved = await commands.SaveAsync(match, ScenarioErrors.Concurrency, ct);
        return saved.Succeeded ? await ViewAsync(match, ct) : Result<MatchView>.Fail([.. saved.Errors]);
    }

    /// <summary>The two organisations' applicants and the scenario's region's working group (admins too) take part.</summary>
    public static bool Takes(IReadOnlyList<RoleGrant> grants, ScenarioMatch match) =>
        grants.RunsRegion(match.RegionId)
        || grants.Any(g => g.CoversOrganisation(match.SolutionOrganisationId))
        || (match.ScenarioOrganisationId is { } org && grants.Any(g => g.CoversOrganisation(org)));

    /// <summary>Who reads a match: those who take part, and the coordination group (read only).</summary>
    public static bool Reads(IReadOnlyList<RoleGrant> grants, ScenarioMatch match) => Takes(grants, match) || grants.Has(Role.CoordinationGroup);

    private async Task<MatchView> ViewAsync(ScenarioMatch match, CancellationToken ct)
    {
        var grants = await current.GrantsAsync(ct);
        var scenarioTitle = await db.Scenarios.AsNoTracking().Where(s => s.Id == match.ScenarioId).Select(s => s.Title).SingleAsync(ct);
        var solutionTitle = await db.Solutions.AsNoTracking().Where(s => s.Id == match.SolutionId).Select(s => s.Title).SingleAsync(ct);
        return View(grants, match, scenarioTitle, solutionTitle);
    }

    private static MatchView View(IReadOnlyList<RoleGrant> grants, ScenarioMatch match, string scenarioTitle, string solutionTitle)
    {
        MatchParty? side = ScenarioAccess.CanActAsOwner(grants, new MatchingParty(match.RegionId, match.ScenarioOrganisationId)) ? MatchParty.Scenario
            : ScenarioAccess.CanActAsOwner(grants, new MatchingParty(match.SolutionRegionId, match.SolutionOrganisationId)) ? MatchParty.Solution
            : null;
        return new MatchView(match, scenarioTitle, solutionTitle, match.Status == MatchStatus.Matched && Takes(grants, match), side);
    }
}
