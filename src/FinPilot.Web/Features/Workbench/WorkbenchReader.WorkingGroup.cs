using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Applications.Pages;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Workbench;

/// <summary>The working group's queues in the regions it runs: screening, notices to draft, objections to answer.</summary>
internal sealed partial class WorkbenchReader
{
    private async Task<WorkbenchSection?> ScreeningAsync(int take, CancellationToken ct)
    {
        var regions = scope.Regions.ToList();
        var query = db.Projects.AsNoTracking().Where(p => regions.Contains(p.RegionId) && (p.Stage == ProjectStage.Submitted || p.Stage == ProjectStage.Screening))
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Stage,
                SubmittedAt = db.ApplicationVersions.Where(v => v.ProjectId == p.Id && v.SubmittedAt != null).Max(v => v.SubmittedAt),
            });
        var count = await query.CountAsync(ct);
        // The oldest submission first: it has waited longest.
        var items = take == 0 ? [] : await query.OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id).Take(take).ToListAsync(ct);
        return new WorkbenchSection("screening", WorkbenchStrings.Section_Screening, count, [.. items.Select(p => new WorkbenchItem(
            p.Title,
            p.SubmittedAt is { } at
                ? Format(WorkbenchStrings.Screening_Waiting, ApplicationFieldNames.Of(p.Stage), Domain.Calendar.ChinaTime.Format(at), Days(at, now))
                : ApplicationFieldNames.Of(p.Stage),
            $"screening/{p.Id}"))], "screening");
    }

    private async Task<WorkbenchSection?> AwaitingNoticeAsync(int take, CancellationToken ct)
    {
        var regions = scope.Regions.ToList();
        // Approved (in the notice stage) but on no published notice since: its latest notice event is not a publication.
        var query = db.Projects.AsNoTracking().Where(p => regions.Contains(p.RegionId) && p.Stage == ProjectStage.PublicNotice
            && !db.PublicEvents.Any(e => e.ProjectId == p.Id && e.Kind == PublicEventKind.NoticePublished
                && !db.PublicEvents.Any(l => l.ProjectId == p.Id && l.At >= e.At
                    && (l.Kind == PublicEventKind.NoticeWithdrawn || l.Kind == PublicEventKind.SentBackToDeliberation))));
        var count = await query.CountAsync(ct);
        var items = take == 0 ? [] : await query.OrderBy(p => p.Title).Take(take).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        return count == 0 ? null : new WorkbenchSection("notices-manage", WorkbenchStrings.Section_AwaitingNotice, count, [.. items.Select(p =>
            new WorkbenchItem(p.Title, WorkbenchStrings.AwaitingNotice_Detail, "notices/manage"))], "notices/manage");
    }

    private async Task<WorkbenchSection?> ObjectionsAsync(int take, CancellationToken ct)
    {
        var regions = scope.Regions.ToList();
        var query =
            from n in db.PublicNotices.AsNoTracking()
            where regions.Contains(n.RegionId)
            from r in n.Responses
            where r.Kind == PublicResponseKind.Objection && r.Resolution == null
            select new { NoticeId = n.Id, n.Title, r.SubmittedAt };
        var count = await query.CountAsync(ct);
        var items = take == 0 ? [] : await query.OrderBy(r => r.SubmittedAt).Take(take).ToListAsync(ct);
        return count == 0 ? null : new WorkbenchSection("notices-manage", WorkbenchStrings.Section_Objections, count, [.. items.Select(r =>
            new WorkbenchItem(r.Title, Format(WorkbenchStrings.Objection_Received, Domain.Calendar.ChinaTime.Format(r.SubmittedAt)), $"notices/manage/{r.NoticeId}"))],
            "notices/manage");
    }
}
