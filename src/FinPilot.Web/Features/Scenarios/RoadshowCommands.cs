using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>A registration as the reader may see it; scores and rank only when the reader may see them.</summary>
public sealed record RoadshowEntry(
    RoadshowRegistration Registration, string SolutionTitle, string OrganisationName, int? WaitingPosition, IReadOnlyList<RoadshowScore> Scores, RoadshowResult? Result);

/// <summary>
/// A roadshow with what the reader may do and see. The organiser (the region's working group, the
/// coordination group, admins) sees everything; a panellist the seated presentations and their own
/// sheets; a presenter only their own registrations, and after release their own scores (not who gave
/// them: <see cref="RoadshowCommands.Anonymous"/>) and rank.
/// </summary>
public sealed record RoadshowView(
    Roadshow Roadshow, bool CanOrganise, bool OnPanel, IReadOnlyList<RoadshowEntry> Entries, IReadOnlyList<RoadshowPanelMember> Panel, int Presenters);

/// <summary>One party's result at one roadshow, for the working group's section of a match.</summary>
public sealed record RoadshowRecord(Guid RoadshowId, string Title, DateTimeOffset StartsAt, Guid OrganisationId, decimal? Total, int? Rank, int Sheets, bool Released);

public sealed record RoadshowPanelMember(string ExpertId, string Name);

public sealed record RoadshowRow(Guid Id, int? RegionId, string Title, DateTimeOffset StartsAt, string Place, int Capacity, bool Released);

/// <summary>
/// Roadshows (路演): organised by a region's working group or the coordination group; solution
/// providers register their published solutions (a seat, else the waiting list, which moves up in
/// order); the panel — experts with no tie to the presenters — scores on the rubric; the organiser
/// releases the results.
/// </summary>
public sealed class RoadshowCommands(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, VisibleScenarios visible, ConflictFinder conflicts, Notifier notifier, TimeProvider clock)
{
    public static string Link(Guid roadshowId) => $"/scenarios/roadshows/{roadshowId}";

    /// <summary>Who organises: admins, the coordination group (any roadshow), a working group (its region's).</summary>
    public static bool CanOrganise(IReadOnlyList<RoleGrant> grants, int? regionId) =>
        grants.IsAdmin() || grants.Has(Role.CoordinationGroup) || (regionId is { } r && grants.RunsRegion(r));

    public async Task<Result<Roadshow>> CreateAsync(int? regionId, RoadshowInput input, CancellationToken ct = default)
    {
        var grants = await current.GrantsAsync(ct);
        if (regionId is { } r && !await db.Regions.AnyAsync(x => x.Id == r, ct))
        {
            return new Error(ScenarioErrors.RegionNotFound, "regionId");
        }

        if (!CanOrganise(grants, regionId))
        {
            return Problems.Forbidden;
        }

        var created = Roadshow.Create(regionId, input, clock.GetUtcNow(), current.Id!);
        if (!created.Succeeded)
        {
            return created;
        }

        db.Roadshows.Add(created.Value);
        await commands.SaveAsync(ct);
        return created.Value;
    }

    /// <summary>The panel, experts only, none tied (employment, membership, declaration) to an organisation registered so far.</summary>
    public async Task<Result<Roadshow>> SetPanelAsync(Guid id, IReadOnlyList<string> expertIds, Guid version, CancellationToken ct = default)
    {
        var organised = await OrganisedAsync(id, version, ct);
        if (!organised.Succeeded)
        {
            return organised;
        }

        var roadshow = organised.Value;

        var ids = (expertIds ?? []).Distinct(StringComparer.Ordinal).ToList();
        var experts = await db.RoleAssignments.AsNoTracking().Where(a => ids.Contains(a.UserId) && a.Role == Role.Expert)
            .Select(a => a.UserId).Distinct().CountAsync(ct);
        if (experts != ids.Count)
        {
            return new Error(ScenarioErrors.RoadshowPanelInvalid, "expertIds", Roadshow.MaxPanel);
        }

        var presenters = roadshow.Registrations.Where(g => g.Seat != RoadshowSeat.Withdrawn).Select(g => g.OrganisationId).Distinct().ToList();
        var tied = await conflicts.FindForOrganisationsAsync(ids, presenters, ct);
        if (tied.Count > 0)
        {
            var name = await db.Users.AsNoTracking().Where(u => u.Id == tied.Keys.First()).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            return new Error(ScenarioErrors.RoadshowPanelConflicted, "expertIds", name ?? string.Empty);
        }

        var set = roadshow.SetPanel(ids);
        return set.Succeeded ? await commands.SaveAsync(roadshow, ScenarioErrors.Concurrency, ct) : Fail(set);
    }

    /// <summary>The solution's organisation registers it (published, visible, answering a covered scenario or matched with one).</summary>
    public async Task<Result<RoadshowRegistration>> RegisterAsync(Guid id, Guid solutionId, Guid? matchId, CancellationToken ct = default)
    {
        var roadshow = await db.Roadshows.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (roadshow is null)
        {
            return new Error(ScenarioErrors.RoadshowNotFound);
        }

        var viewer = await visible.ViewerAsync(ct);
        var solution = await visible.Solutions(viewer).AsNoTracking().SingleOrDefaultAsync(s => s.Id == solutionId, ct);
        if (solution is null)
        {
            return new Error(ScenarioErrors.SolutionNotFound, "solutionId");
        }

        var grants = await current.GrantsAsync(ct);
        if (!grants.Any(g => g.CoversOrganisation(solution.OrganisationId)))
        {
            return Problems.Forbidden;
        }

        if (matchId is { } m && !await db.ScenarioMatches.AnyAsync(x => x.Id == m && x.SolutionId == solutionId && x.Status == MatchStatus.Matched, ct))
        {
            return new Error(ScenarioErrors.MatchNotFound, "matchId");
        }

        if (roadshow.ScenarioIds.Count > 0 && !await CoversAsync(roadshow, solution, ct))
        {
            return new Error(ScenarioErrors.RoadshowNotCovered, "solutionId");
        }

        var registered = roadshow.Register(solution, matchId, clock.GetUtcNow(), current.Id!);
        if (!registered.Succeeded)
        {
            db.ChangeTracker.Clear();
            return registered;
        }

        var saved = await commands.SaveAsync(roadshow, ScenarioErrors.Concurrency, ct);
        return saved.Succeeded ? registered.Value : Result<RoadshowRegistration>.Fail([.. saved.Errors]);
    }

    /// <summary>The registrant's organisation or the organiser withdraws; the first on the waiting list moves up and is told.</summary>
    public async Task<Result<Roadshow>> WithdrawAsync(Guid id, Guid registrationId, CancellationToken ct = default)
    {
        var roadshow = await db.Roadshows.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (roadshow is null)
        {
            return new Error(ScenarioErrors.RoadshowNotFound);
        }

        var grants = await current.GrantsAsync(ct);
        var registration = roadshow.Registrations.SingleOrDefault(g => g.Id == registrationId);
        if (registration is null || !(CanOrganise(grants, roadshow.RegionId) || grants.Any(g => g.CoversOrganisation(registration.OrganisationId))))
        {
            return new Error(ScenarioErrors.RoadshowRegistrationNotFound, "registrationId");
        }

        var withdrawn = roadshow.Withdraw(registrationId, clock.GetUtcNow());
        if (!withdrawn.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<Roadshow>.Fail([.. withdrawn.Errors]);
        }

        if (withdrawn.Value.Promoted is { } promoted)
        {
            await NotifyAsync([promoted.OrganisationId], roadshow, NotificationKind.RoadshowSeatConfirmed, ct);
        }

        return await commands.SaveAsync(roadshow, ScenarioErrors.Concurrency, ct);
    }

    /// <summary>A panellist scores a seated presentation; one tied to the presenter (employment, membership, declaration) may not.</summary>
    public async Task<Result<Roadshow>> ScoreAsync(Guid id, Guid registrationId, IReadOnlyList<int> scores, CancellationToken ct = default)
    {
        var roadshow = await db.Roadshows.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (roadshow is null)
        {
            return new Error(ScenarioErrors.RoadshowNotFound);
        }

        if (!roadshow.OnPanel(current.Id!))
        {
            return new Error(ScenarioErrors.RoadshowNotOnPanel);
        }

        if (roadshow.Registrations.SingleOrDefault(g => g.Id == registrationId) is { } registration
            && (await conflicts.FindForOrganisationsAsync([current.Id!], [registration.OrganisationId], ct)).Count > 0)
        {
            return new Error(ScenarioErrors.RoadshowPanelConflicted, "registrationId", string.Empty);
        }

        var scored = roadshow.Score(registrationId, current.Id!, scores ?? [], clock.GetUtcNow());
        return scored.Succeeded ? await commands.SaveAsync(roadshow, ScenarioErrors.Concurrency, ct) : Fail(scored);
    }

    /// <summary>The organiser releases the results; each presenter is told and sees their own scores and rank.</summary>
    public async Task<Result<Roadshow>> ReleaseAsync(Guid id, Guid version, CancellationToken ct = default)
    {
        var organised = await OrganisedAsync(id, version, ct);
        if (!organised.Succeeded)
        {
            return organised;
        }

        var roadshow = organised.Value;

        var released = roadshow.Release(clock.GetUtcNow());
        if (!released.Succeeded)
        {
            return Fail(released);
        }

        await NotifyAsync([.. roadshow.Registrations.Where(g => g.Seat == RoadshowSeat.Confirmed).Select(g => g.OrganisationId).Distinct()], roadshow,
            NotificationKind.RoadshowResultsReleased, ct);
        return await commands.SaveAsync(roadshow, ScenarioErrors.Concurrency, ct);
    }

    /// <summary>Upcoming and recent roadshows, newest first, paged: every signed-in user may see them (to register).</summary>
    public async Task<Page<RoadshowRow>> ListAsync(int? regionId, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Page<RoadshowRow>.Normalise(page, pageSize);
        var query = db.Roadshows.AsNoTracking().Where(r => regionId == null || r.RegionId == regionId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.StartsAt).Skip((p - 1) * size).Take(size)
            .Select(r => new RoadshowRow(r.Id, r.RegionId, r.Title, r.StartsAt, r.Place, r.Capacity, r.ReleasedAt != null)).ToListAsync(ct);
        return new Page<RoadshowRow>(rows, p, size, total);
    }

    public async Task<Result<RoadshowView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var roadshow = await db.Roadshows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (roadshow is null)
        {
            return new Error(ScenarioErrors.RoadshowNotFound);
        }

        var grants = await current.GrantsAsync(ct);
        var organise = CanOrganise(grants, roadshow.RegionId);
        var panel = current.Id is { } me && roadshow.OnPanel(me);
        var results = roadshow.Results().ToDictionary(r => r.RegistrationId);
        var waiting = roadshow.WaitingList.Select((g, i) => (g.Id, Position: i + 1)).ToDictionary(x => x.Id, x => x.Position);
        var shown = roadshow.Registrations
            .Where(g => organise || (panel && g.Seat == RoadshowSeat.Confirmed) || grants.Any(x => x.CoversOrganisation(g.OrganisationId)))
            .OrderBy(g => g.Seat).ThenBy(g => g.RegisteredAt).ToList();
        var solutionIds = shown.Select(g => g.SolutionId).ToList();
        var organisationIds = shown.Select(g => g.OrganisationId).Distinct().ToList();
        var titles = await db.Solutions.AsNoTracking().Where(s => solutionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => FinPilot.Web.Components.Shared.Names.Of(o.NameZh, o.NameEn), ct);
        var entries = shown.Select(g =>
        {
            var own = grants.Any(x => x.CoversOrganisation(g.OrganisationId));
            IReadOnlyList<RoadshowScore> scores = organise ? [.. roadshow.Scores.Where(s => s.RegistrationId == g.Id)]
                : own && roadshow.ReleasedAt is not null ? [.. roadshow.Scores.Where(s => s.RegistrationId == g.Id).Select(Anonymous)]
                : panel ? [.. roadshow.Scores.Where(s => s.RegistrationId == g.Id && s.ExpertId == current.Id)]
                : [];
            var result = organise || (own && roadshow.ReleasedAt is not null) ? results.GetValueOrDefault(g.Id) : null;
            return new RoadshowEntry(g, titles.GetValueOrDefault(g.SolutionId) ?? string.Empty, names.GetValueOrDefault(g.OrganisationId) ?? string.Empty,
                waiting.TryGetValue(g.Id, out var position) ? position : null, scores, result);
        }).ToList();
        var panelIds = roadshow.Panel.Select(p => p.ExpertId).ToList();
        var panelNames = organise || panel
            ? await db.Users.AsNoTracking().Where(u => panelIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct)
            : [];
        IReadOnlyList<RoadshowPanelMember> members = [.. panelNames.Select(p => new RoadshowPanelMember(p.Key, p.Value)).OrderBy(p => p.Name, StringComparer.Ordinal)];
        return new RoadshowView(roadshow, organise, panel, entries, members, roadshow.SeatsTaken);
    }

    /// <summary>The caller's published solutions (of the organisations they act for), to register.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> MySolutionsAsync(CancellationToken ct = default)
    {
        var organisations = (await current.GrantsAsync(ct)).Where(g => g.Role == Role.Applicant && g.OrganisationId != null).Select(g => g.OrganisationId!.Value).ToList();
        var rows = await db.Solutions.AsNoTracking().Where(s => organisations.Contains(s.OrganisationId) && s.Status == SolutionStatus.Published)
            .OrderBy(s => s.Title).Take(100).Select(s => new { s.Id, s.Title }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Title))];
    }

    /// <summary>The caller's matches (its organisations' solutions, matched) a registration may present, newest first.</summary>
    public async Task<IReadOnlyList<(Guid Id, Guid SolutionId, string Label)>> MyMatchesAsync(CancellationToken ct = default)
    {
        var organisations = (await current.GrantsAsync(ct)).Where(g => g.Role == Role.Applicant && g.OrganisationId != null).Select(g => g.OrganisationId!.Value).ToList();
        var rows = await (
            from m in db.ScenarioMatches.AsNoTracking()
            where m.Status == MatchStatus.Matched && organisations.Contains(m.SolutionOrganisationId)
            orderby m.CreatedAt descending
            select new
            {
                m.Id,
                m.SolutionId,
                Scenario = db.Scenarios.Where(s => s.Id == m.ScenarioId).Select(s => s.Title).FirstOrDefault(),
                Solution = db.Solutions.Where(s => s.Id == m.SolutionId).Select(s => s.Title).FirstOrDefault(),
            }).Take(100).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.SolutionId, $"{r.Scenario} · {r.Solution}"))];
    }

    /// <summary>
    /// The roadshow results of a match's two organisations (latest 20 roadshows they registered at), for
    /// the region's working group and the coordination group only — never experts or the parties.
    /// </summary>
    public async Task<IReadOnlyList<RoadshowRecord>> ForMatchAsync(ScenarioMatch match, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (!CoachingCommands.Oversees(await current.GrantsAsync(ct), match.RegionId))
        {
            return [];
        }

        var organisations = new[] { match.SolutionOrganisationId, match.ScenarioOrganisationId ?? Guid.Empty };
        var roadshows = await db.Roadshows.AsNoTracking().Where(r => r.Registrations.Any(g => organisations.Contains(g.OrganisationId)))
            .OrderByDescending(r => r.StartsAt).Take(20).ToListAsync(ct);
        return
        [
            .. roadshows.SelectMany(r => r.Results().Where(x => organisations.Contains(x.OrganisationId))
                .Select(x => new RoadshowRecord(r.Id, r.Title, r.StartsAt, x.OrganisationId, x.Total, x.Rank, x.Sheets, r.ReleasedAt is not null))),
        ];
    }

    /// <summary>The experts an organiser may put on a panel (names, first 200).</summary>
    public async Task<IReadOnlyList<RoadshowPanelMember>> ExpertsAsync(CancellationToken ct = default)
    {
        var ids = db.RoleAssignments.AsNoTracking().Where(a => a.Role == Role.Expert).Select(a => a.UserId);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).Take(200)
            .Select(u => new RoadshowPanelMember(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>A sheet as a presenter sees it: the scores, never who gave them.</summary>
    public static RoadshowScore Anonymous(RoadshowScore score) => score with { ExpertId = string.Empty };

    private static Result<Roadshow> Fail(Result failed) => Result<Roadshow>.Fail([.. failed.Errors]);

    private async Task<bool> CoversAsync(Roadshow roadshow, Solution solution, CancellationToken ct)
    {
        var covered = roadshow.ScenarioIds.ToList();
        return (solution.ScenarioId is { } s && covered.Contains(s))
            || await db.ScenarioMatches.AnyAsync(m => m.SolutionId == solution.Id && covered.Contains(m.ScenarioId) && m.Status == MatchStatus.Matched, ct);
    }

    private async Task<Result<Roadshow>> OrganisedAsync(Guid id, Guid version, CancellationToken ct)
    {
        var roadshow = await db.Roadshows.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (roadshow is null)
        {
            return new Error(ScenarioErrors.RoadshowNotFound);
        }

        if (!CanOrganise(await current.GrantsAsync(ct), roadshow.RegionId))
        {
            return Problems.Forbidden;
        }

        return roadshow.Version != version ? new Error(ScenarioErrors.Concurrency) : roadshow;
    }

    private async Task NotifyAsync(IReadOnlyList<Guid> organisationIds, Roadshow roadshow, NotificationKind kind, CancellationToken ct)
    {
        var users = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == Role.Applicant && a.OrganisationId != null && organisationIds.Contains(a.OrganisationId.Value))
            .Select(a => a.UserId).Distinct().ToListAsync(ct);
        notifier.Enqueue(users, kind, Link(roadshow.Id), new Dictionary<string, string> { [NotificationValues.Title] = roadshow.Title });
    }
}
