using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Components.Shared;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Applications;

/// <summary>One step of a project's timeline as the API shows it: who acted is named by role, never by user id.</summary>
public sealed record TimelineEntryDto(DateTimeOffset At, ProjectTrigger Trigger, ProjectStage From, ProjectStage To, string Actor, string? Note);

/// <summary>
/// Names the people on a timeline by their role (地区工作组, 申报机构, …) in the reader's language:
/// applicants learn which body acted, not which staff account.
/// </summary>
public sealed class TimelineActors(FinPilotDbContext db)
{
    public async Task<(IReadOnlyList<TimelineEntryDto> Timeline, SupplementRequest? Supplement)> DescribeAsync(PilotProject project, CancellationToken cancellationToken)
    {
        var ids = project.Timeline.Select(e => e.ActorUserId)
            .Append(project.CurrentSupplementRequest?.RequestedBy)
            .OfType<string>().Distinct().ToList();
        var grants = await db.RoleAssignments.AsNoTracking()
            .Where(g => ids.Contains(g.UserId))
            .Select(g => new { g.UserId, g.Role })
            .ToListAsync(cancellationToken);
        var roles = grants.GroupBy(g => g.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.Role).ToList());

        string Name(string userId) =>
            !roles.TryGetValue(userId, out var held) || held.Count == 0 ? ApplicationsStrings.Timeline_ActorPlatform
            : Names.Of(held.Where(r => r != Role.Applicant).DefaultIfEmpty(Role.Applicant).Min());

        var timeline = project.Timeline.Select(e => new TimelineEntryDto(e.At, e.Trigger, e.From, e.To, Name(e.ActorUserId), e.Note)).ToList();
        var supplement = project.CurrentSupplementRequest is { } request ? request with { RequestedBy = Name(request.RequestedBy) } : null;
        return (timeline, supplement);
    }
}
