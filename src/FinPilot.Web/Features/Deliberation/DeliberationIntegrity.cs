using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Evaluation;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Deliberation;

public sealed record AgainstMajorityRow(Guid MeetingId, string MeetingTitle, DateOnly Date, string ProjectTitle, OutcomeKind Outcome, VoteTally? Tally, string? Reason, string ChairName);

public sealed record MeetingConflictRow(Guid MeetingId, string MeetingTitle, string ItemTitle, string MemberName, string Reason, DateTimeOffset DeclaredAt);

public sealed record ProceededRow(Guid MeetingId, string MeetingTitle, string ItemTitle, int Departments, string? Reason);

public sealed record DeliberationIntegrityView(
    IReadOnlyList<AgainstMajorityRow> AgainstMajority, IReadOnlyList<MeetingConflictRow> Conflicts, IReadOnlyList<ProceededRow> Proceeded);

/// <summary>
/// 廉政监督 of deliberation: outcomes the chair recorded against the majority, conflicts members
/// declared, and items resolved before awaited opinions — for the integrity officer's page.
/// </summary>
/// <remarks>
/// Reads the latest <see cref="RecentMeetings"/> meetings: the coordination group meets a few times a
/// year, and these facts live in each item's resolution (JSON), which no index reaches.
/// </remarks>
public sealed class DeliberationIntegrity(FinPilotDbContext db, CurrentUser current)
{
    public const int RecentMeetings = 100;

    public async Task<Result<DeliberationIntegrityView>> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!(await current.GrantsAsync(cancellationToken)).CanReadIntegrityReport())
        {
            return Problems.Forbidden;
        }

        var meetings = await db.Set<Meeting>().AsNoTracking().OrderByDescending(m => m.Date).Take(RecentMeetings).ToListAsync(cancellationToken);
        var items = meetings.SelectMany(m => m.AgendaItems.Select(i => (Meeting: m, Item: i))).ToList();
        var against = items.Where(x => x.Item.Resolution is { AnyAgainstMajority: true })
            .SelectMany(x => x.Item.Resolution!.Outcomes.Where(o => o.AgainstMajority).Select(o => (x.Meeting, x.Item, Outcome: o))).ToList();
        var conflicts = items.SelectMany(x => x.Item.DeclaredConflicts.Select(c => (x.Meeting, x.Item, Conflict: c))).ToList();

        var people = against.Select(a => a.Item.Resolution!.RecordedBy).Concat(conflicts.Select(c => c.Conflict.MemberId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var projectIds = against.Select(a => a.Outcome.ProjectId).Distinct().ToList();
        var titles = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        string Name(string id) => names.GetValueOrDefault(id) ?? id;

        return new DeliberationIntegrityView(
            [.. against.Select(a => new AgainstMajorityRow(
                a.Meeting.Id, a.Meeting.Title, a.Meeting.Date, titles.GetValueOrDefault(a.Outcome.ProjectId) ?? a.Outcome.ProjectId.ToString(),
                a.Outcome.Kind, a.Outcome.Tally, a.Outcome.DeviationReason, Name(a.Item.Resolution!.RecordedBy)))],
            [.. conflicts.OrderByDescending(c => c.Conflict.DeclaredAt)
                .Select(c => new MeetingConflictRow(c.Meeting.Id, c.Meeting.Title, c.Item.Title, Name(c.Conflict.MemberId), c.Conflict.Reason, c.Conflict.DeclaredAt))],
            [.. items.Where(x => x.Item.Resolution is { WaivedOpinions.Count: > 0 })
                .Select(x => new ProceededRow(x.Meeting.Id, x.Meeting.Title, x.Item.Title, x.Item.Resolution!.WaivedOpinions.Count, x.Item.Resolution.ProceedReason))]);
    }
}
