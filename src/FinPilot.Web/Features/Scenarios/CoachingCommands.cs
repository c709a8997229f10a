using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>A follow-up as written: what, and within how many working days.</summary>
public sealed record FollowUpInput(string? Text, int WorkingDays);

/// <summary>A coaching assignment with its coach's name, for the working group and the coach.</summary>
public sealed record CoachingView(CoachingAssignment Coaching, string CoachName);

/// <summary>
/// A follow-up as the organisations coached see it (never the session's notes), with whether the
/// reader may mark it done.
/// </summary>
public sealed record FollowUpView(Guid CoachingId, Guid? MatchId, Guid FollowUpId, string Text, DateTimeOffset DueAt, DateTimeOffset? DoneAt, bool CanComplete);

/// <summary>
/// Coaching (培育辅导): the region's working group assigns an expert as coach to a match (both its
/// organisations) or to one organisation; the working group and the coach record sessions, whose
/// notes only they read; follow-ups get working-day deadlines on the calendar and are obligations
/// (<see cref="ObligationKind.CoachingFollowUp"/>) owed by each organisation coached — with no
/// project (<see cref="Obligation.NoProject"/>): they show on its obligation list, the obligation
/// clock reminds them, and marking the follow-up done fulfils them.
/// </summary>
public sealed class CoachingCommands(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, WorkingCalendarProvider calendars, Notifier notifier, ObligationBook obligations,
    TimeProvider clock)
{
    public const int MaxFollowUpWorkingDays = 60;
    public const int MaxFollowUpsListed = 100;

    /// <summary>Who reads coaching: the region's working group (admins), the coordination group.</summary>
    public static bool Oversees(IReadOnlyList<RoleGrant> grants, int regionId) => grants.RunsRegion(regionId) || grants.Has(Role.CoordinationGroup);

    /// <summary>Assigns a coach to a match (<paramref name="matchId"/>) or an organisation; the region's working group only.</summary>
    public async Task<Result<CoachingAssignment>> AssignAsync(Guid? matchId, Guid? organisationId, string? coachUserId, CancellationToken ct = default)
    {
        var grants = await current.GrantsAsync(ct);
        int region;
        Guid organisation;
        Guid? partner = null;
        string subject;
        if (matchId is { } m)
        {
            var match = await db.ScenarioMatches.AsNoTracking().SingleOrDefaultAsync(x => x.Id == m, ct);
            if (match is null || !MatchCommands.Takes(grants, match))
            {
                return new Error(ScenarioErrors.MatchNotFound, "matchId");
            }

            (region, organisation, partner) = (match.RegionId, match.SolutionOrganisationId, match.ScenarioOrganisationId);
            subject = await db.Scenarios.AsNoTracking().Where(s => s.Id == match.ScenarioId).Select(s => s.Title).SingleAsync(ct);
        }
        else if (organisationId is { } o && await db.Organisations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == o, ct) is { } found)
        {
            (region, organisation, subject) = (found.RegionId, found.Id, found.NameZh);
        }
        else
        {
            return new Error(ScenarioErrors.OrganisationNotFound, "organisationId");
        }

        if (!grants.RunsRegion(region))
        {
            return Problems.Forbidden;
        }

        if (string.IsNullOrWhiteSpace(coachUserId)
            || !await db.RoleAssignments.AnyAsync(a => a.UserId == coachUserId && a.Role == Role.Expert, ct))
        {
            return new Error(ScenarioErrors.CoachInvalid, "coachUserId");
        }

        var coaching = CoachingAssignment.Assign(region, coachUserId, organisation, partner, matchId, clock.GetUtcNow(), current.Id!);
        db.CoachingAssignments.Add(coaching);
        notifier.Enqueue([coachUserId], NotificationKind.CoachAssigned, Link(coaching), new Dictionary<string, string> { [NotificationValues.Title] = subject });
        await commands.SaveAsync(ct);
        return coaching;
    }

    /// <summary>A session, recorded by the working group or the coach.</summary>
    public async Task<Result<CoachingAssignment>> RecordAsync(
        Guid id, DateOnly on, string? topics, string? notes, IReadOnlyList<FollowUpInput>? followUps, CancellationToken ct = default)
    {
        var coaching = await db.CoachingAssignments.SingleOrDefaultAsync(c => c.Id == id, ct);
        var grants = await current.GrantsAsync(ct);
        if (coaching is null || !(grants.RunsRegion(coaching.RegionId) || string.Equals(coaching.CoachUserId, current.Id, StringComparison.Ordinal)))
        {
            return new Error(ScenarioErrors.CoachingNotFound);
        }

        var actions = (followUps ?? []).Where(f => !string.IsNullOrWhiteSpace(f.Text)).ToList();
        if (actions.Any(f => f.WorkingDays is < 1 or > MaxFollowUpWorkingDays))
        {
            return new Error(ScenarioErrors.CoachingFollowUpsInvalid, "followUps", CoachingAssignment.MaxFollowUps);
        }

        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(ct);
        var recorded = coaching.Record(on, topics, notes, [.. actions.Select(f => (f.Text!, calendar.DeadlineAfter(now, f.WorkingDays)))], now, current.Id!);
        if (!recorded.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<CoachingAssignment>.Fail([.. recorded.Errors]);
        }

        // Each follow-up is owed by each organisation coached, saved with the session or not at all.
        foreach (var followUp in recorded.Value.FollowUps)
        {
            foreach (var party in coaching.Parties)
            {
                await obligations.EnsureAsync(
                    new ObligationDraft(Obligation.NoProject, coaching.RegionId, party, ObligationKind.CoachingFollowUp, CoachingAssignment.FollowUpSubject(followUp.Id, party), followUp.DueAt),
                    ct);
            }
        }

        return await commands.SaveAsync(coaching, ScenarioErrors.Concurrency, ct);
    }

    /// <summary>
    /// Marks a follow-up done and fulfils its obligations: the organisations coached (their applicants),
    /// the coach and the region's working group may; anyone else: not found.
    /// </summary>
    public async Task<Result<CoachingAssignment>> CompleteFollowUpAsync(Guid id, Guid followUpId, CancellationToken ct = default)
    {
        var coaching = await db.CoachingAssignments.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (coaching is null || !MayComplete(await current.GrantsAsync(ct), coaching))
        {
            return new Error(ScenarioErrors.CoachingNotFound);
        }

        var now = clock.GetUtcNow();
        var done = coaching.CompleteFollowUp(followUpId, now, current.Id!);
        if (!done.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<CoachingAssignment>.Fail([.. done.Errors]);
        }

        foreach (var party in coaching.Parties)
        {
            await obligations.FulfilAsync(Obligation.NoProject, ObligationKind.CoachingFollowUp, CoachingAssignment.FollowUpSubject(followUpId, party), now, current.Id!, ct);
        }

        return await commands.SaveAsync(coaching, ScenarioErrors.Concurrency, ct);
    }

    /// <summary>
    /// The follow-ups the caller sees (of one match when <paramref name="matchId"/> is given): those owed by
    /// its organisations, those of its coaching, or — for the working group and the coordination group —
    /// those of its regions; earliest due first, the text and dates only.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpView>> FollowUpsAsync(Guid? matchId = null, CancellationToken ct = default)
    {
        var grants = await current.GrantsAsync(ct);
        var organisations = grants.Where(g => g.Role == Role.Applicant && g.OrganisationId != null).Select(g => g.OrganisationId!.Value).ToList();
        var regions = grants.Where(g => g.Role == Role.RegionalWorkingGroup && g.RegionId != null).Select(g => g.RegionId!.Value).ToList();
        var everywhere = grants.IsAdmin() || grants.Has(Role.CoordinationGroup);
        var me = current.Id ?? string.Empty;
        var rows = await db.CoachingAssignments.AsNoTracking()
            .Where(c => matchId == null || c.MatchId == matchId)
            .Where(c => everywhere || regions.Contains(c.RegionId) || c.CoachUserId == me || organisations.Contains(c.OrganisationId)
                || (c.PartnerOrganisationId != null && organisations.Contains(c.PartnerOrganisationId.Value)))
            .OrderByDescending(c => c.AssignedAt).Take(50).ToListAsync(ct);
        return
        [
            .. rows.SelectMany(c => c.FollowUps.Select(x => new FollowUpView(
                    c.Id, c.MatchId, x.FollowUp.Id, x.FollowUp.Text, x.FollowUp.DueAt, x.FollowUp.DoneAt, !x.FollowUp.Done && MayComplete(grants, c))))
                .OrderBy(f => f.DoneAt is null ? 0 : 1).ThenBy(f => f.DueAt).Take(MaxFollowUpsListed),
        ];
    }

    private bool MayComplete(IReadOnlyList<RoleGrant> grants, CoachingAssignment coaching) =>
        grants.RunsRegion(coaching.RegionId)
        || string.Equals(coaching.CoachUserId, current.Id, StringComparison.Ordinal)
        || coaching.Parties.Any(p => grants.Any(g => g.Role == Role.Applicant && g.CoversOrganisation(p)));

    /// <summary>The coaching of a match, and of its two organisations on their own; for the region's working group and the coordination group only.</summary>
    public async Task<IReadOnlyList<CoachingView>> ForMatchAsync(ScenarioMatch match, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (!Oversees(await current.GrantsAsync(ct), match.RegionId))
        {
            return [];
        }

        var organisations = new[] { match.SolutionOrganisationId, match.ScenarioOrganisationId ?? Guid.Empty };
        var rows = await db.CoachingAssignments.AsNoTracking()
            .Where(c => c.MatchId == match.Id || (c.MatchId == null && organisations.Contains(c.OrganisationId)))
            .OrderBy(c => c.AssignedAt).Take(50).ToListAsync(ct);
        return await ViewsAsync(rows, ct);
    }

    public async Task<Result<CoachingView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var coaching = await db.CoachingAssignments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        var grants = await current.GrantsAsync(ct);
        if (coaching is null || !(Oversees(grants, coaching.RegionId) || string.Equals(coaching.CoachUserId, current.Id, StringComparison.Ordinal)))
        {
            return new Error(ScenarioErrors.CoachingNotFound);
        }

        return (await ViewsAsync([coaching], ct))[0];
    }

    private static string Link(CoachingAssignment coaching) => coaching.MatchId is { } m ? $"/scenarios/matches/{m}" : "/scenarios/mine";

    private async Task<IReadOnlyList<CoachingView>> ViewsAsync(IReadOnlyList<CoachingAssignment> rows, CancellationToken ct)
    {
        var coaches = rows.Select(r => r.CoachUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => coaches.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. rows.Select(r => new CoachingView(r, names.GetValueOrDefault(r.CoachUserId) ?? string.Empty))];
    }
}
