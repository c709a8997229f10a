using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>A follow-up as written: what, and within how many working days.</summary>
public sealed record FollowUpInput(string? Text, int WorkingDays);

/// <summary>A coaching assignment with its coach's name, for the working group and the coach.</summary>
public sealed record CoachingView(CoachingAssignment Coaching, string CoachName);

/// <summary>
/// Coaching (培育辅导): the region's working group assigns an expert as coach to a match (both its
/// organisations) or to one organisation; the working group and the coach record sessions, whose
/// notes only they read; follow-ups get working-day deadlines on the calendar.
/// </summary>
public sealed class CoachingCommands(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, WorkingCalendarProvider calendars, Notifier notifier, TimeProvider clock)
{
    public const int MaxFollowUpWorkingDays = 60;

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

        return await commands.SaveAsync(coaching, ScenarioErrors.Concurrency, ct);
    }

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
