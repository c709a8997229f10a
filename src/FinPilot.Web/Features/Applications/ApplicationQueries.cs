using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Applications;

/// <summary>What the current user may do to a project now, as <see cref="ProjectPolicy"/> answers it: the page offers exactly these.</summary>
public sealed record ProjectActions(IReadOnlyList<ProjectTrigger> Triggers, bool MayConfirmConditions)
{
    public bool Offers(ProjectTrigger trigger) => Triggers.Contains(trigger);
}

/// <summary>
/// Reads of the applications module for pages and other modules: the reference lists an application
/// chooses from, projects' titles, and the moves the policy allows the current user.
/// </summary>
public sealed class ApplicationQueries(FinPilotDbContext db, CurrentUser current)
{
    /// <summary>Every reference item, retired ones included (stored applications still name them), in their sort order.</summary>
    public Task<List<ReferenceItem>> ReferenceItemsAsync(CancellationToken cancellationToken = default) =>
        db.ReferenceItems.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);

    /// <summary>The reference items of one kind, retired ones included, in their sort order.</summary>
    public Task<List<ReferenceItem>> ReferenceItemsAsync(ReferenceKind kind, CancellationToken cancellationToken = default) =>
        db.ReferenceItems.AsNoTracking().Where(r => r.Kind == kind).OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);

    /// <summary>The titles of the given projects by id; ids that name no project are left out.</summary>
    public Task<Dictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);

    /// <summary>The moves the current user may make on the project now, for the page to offer and nothing else.</summary>
    public async Task<ProjectActions> ActionsAsync(PilotProject project, CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        return new ProjectActions(ProjectPolicy.AvailableTriggers(project, grants), ProjectPolicy.MayConfirmConditions(project, grants, null));
    }

    /// <summary>
    /// Of the given projects, those whose public notice is out now (公示中): a project the group
    /// approved waits for its notice (待公示) until the notice naming it is published, and again
    /// after that notice is withdrawn or the project is sent back and approved anew.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> OnNoticeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var candidates = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Stage == ProjectStage.PublicNotice).Select(p => p.Id).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return new HashSet<Guid>();
        }

        PublicEventKind[] steps = [PublicEventKind.NoticePublished, PublicEventKind.NoticeWithdrawn, PublicEventKind.ResolutionPublished, PublicEventKind.SentBackToDeliberation];
        var events = await db.PublicEvents.AsNoTracking()
            .Where(e => candidates.Contains(e.ProjectId) && steps.Contains(e.Kind))
            .Select(e => new { e.ProjectId, e.Kind, e.At, e.RecordSequence })
            .ToListAsync(cancellationToken);
        return events.GroupBy(e => e.ProjectId)
            .Where(g => g.OrderBy(e => e.At).ThenBy(e => e.RecordSequence).Last().Kind == PublicEventKind.NoticePublished)
            .Select(g => g.Key)
            .ToHashSet();
    }

    /// <summary>Whether the project's public notice is out now; see <see cref="OnNoticeAsync(IReadOnlyCollection{Guid}, CancellationToken)"/>.</summary>
    public async Task<bool> OnNoticeAsync(PilotProject project, CancellationToken cancellationToken = default) =>
        project.Stage == ProjectStage.PublicNotice && (await OnNoticeAsync([project.Id], cancellationToken)).Contains(project.Id);
}
