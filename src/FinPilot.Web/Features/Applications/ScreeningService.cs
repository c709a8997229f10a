using FinPilot.Domain.Applications;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Applications;

public sealed record ScreeningFilter(
    string? Search = null, ProjectCategory? Category = null, ProjectStage? Stage = null, OrganisationType? OrganisationType = null,
    string? Technology = null, Guid? CallId = null, int? Page = null, int? PageSize = null, ScreeningSort Sort = ScreeningSort.Newest);

/// <summary>How the screening queue is ordered; the numbers are query values, so they never change.</summary>
public enum ScreeningSort
{
    /// <summary>Newest application first (by creation).</summary>
    Newest = 0,

    /// <summary>Longest waiting first: the earliest submission at the top, as a queue is worked.</summary>
    Waiting = 1,

    /// <summary>Most recently submitted first.</summary>
    Submitted = 2,

    /// <summary>By project name.</summary>
    Name = 3,
}

/// <summary>A row of the queue; <paramref name="SubmittedAt"/> is the latest submission, null for a draft never submitted.</summary>
public sealed record ScreeningRow(PilotProject Project, string OrganisationName, OrganisationType OrganisationType, string CallTitle, DateTimeOffset? SubmittedAt)
{
    /// <summary>The applicant's deadline to answer a return for supplement, while one is open.</summary>
    public DateOnly? SupplementDueOn => Project.CurrentSupplementRequest?.DueOn;
}

/// <summary>形式审查: the working group's side of applications in its region.</summary>
public sealed class ScreeningService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, Notifier notifier,
    WorkingCalendarProvider workingCalendar, TimeProvider clock, AuditLog audit)
{
    public const int DefaultSupplementWorkingDays = 10;

    /// <summary>The standard checks every call's screening starts with, before the call's own materials.</summary>
    public static readonly IReadOnlyList<string> StandardChecks = ["materials-complete", "lead-licensed", "within-directions", "eligible-type"];

    private static readonly ProjectStage[] Screened =
    [
        ProjectStage.Submitted, ProjectStage.Screening, ProjectStage.ReturnedForSupplement, ProjectStage.Evaluation, ProjectStage.Rejected, ProjectStage.Withdrawn,
    ];

    public const int MaxExportRows = 10_000;

    public async Task<Page<ScreeningRow>> QueueAsync(ScreeningFilter filter, CancellationToken cancellationToken = default)
    {
        var query = Filtered(await ScreenableRegionsAsync(cancellationToken), filter);
        var (number, size) = Page<ScreeningRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Ordered(query, filter.Sort).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<ScreeningRow>(rows.Select(Row).ToList(), number, size, total);
    }

    /// <summary>The whole filtered queue (up to <see cref="MaxExportRows"/>) as a workbook; forbidden to anyone who screens no region.</summary>
    public async Task<Result<byte[]>> ExportAsync(ScreeningFilter filter, CancellationToken cancellationToken = default)
    {
        var regions = await ScreenableRegionsAsync(cancellationToken);
        if (regions.Count == 0)
        {
            return Problems.Forbidden;
        }

        var rows = await Ordered(Filtered(regions, filter), filter.Sort).Take(MaxExportRows).ToListAsync(cancellationToken);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var workbook = ScreeningExport.Workbook(rows.Select(Row).ToList(), today);
        await audit.WriteAsync(new AuditLine(AuditActions.ScreeningQueueExported, AuditResource.Project, null, new { rows = rows.Count }), cancellationToken);
        return workbook;
    }

    private async Task<List<int>> ScreenableRegionsAsync(CancellationToken cancellationToken)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        return regions.Where(grants.CanScreen).ToList();
    }

    // Member initialisation, not a constructor: EF composes filters and orders over it in SQL.
    private sealed class QueueItem
    {
        public required PilotProject P { get; init; }

        public required Organisation O { get; init; }

        public required Call C { get; init; }

        public DateTimeOffset? SubmittedAt { get; init; }
    }

    private IQueryable<QueueItem> Filtered(List<int> mine, ScreeningFilter filter)
    {
        var query =
            from p in db.Projects.AsNoTracking()
            join o in db.Organisations.AsNoTracking() on p.LeadOrganisationId equals o.Id
            join c in db.Calls.AsNoTracking() on p.CallId equals c.Id
            where mine.Contains(p.RegionId) && Screened.Contains(p.Stage)
            select new QueueItem { P = p, O = o, C = c, SubmittedAt = db.ApplicationVersions.Where(v => v.ProjectId == p.Id && v.SubmittedAt != null).Max(v => v.SubmittedAt) };
        if (filter.Category is { } category)
        {
            query = query.Where(x => x.P.Category == category);
        }

        if (filter.Stage is { } stage)
        {
            query = query.Where(x => x.P.Stage == stage);
        }

        if (filter.OrganisationType is { } type)
        {
            query = query.Where(x => x.O.Type == type);
        }

        if (filter.CallId is { } callId)
        {
            query = query.Where(x => x.P.CallId == callId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(x => x.P.Title.Contains(term) || x.O.NameZh.Contains(term) || x.O.NameEn.Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(filter.Technology))
        {
            // Technologies live in the version's JSON; matching the quoted code is exact and works on both databases.
            var code = $"\"{filter.Technology.Trim()}\"";
            query = query.Where(x => db.ApplicationVersions.Any(v => v.ProjectId == x.P.Id && v.Number == x.P.ApplicationVersion && v.FormJson.Contains(code)));
        }

        return query;
    }

    // Every order ends on the id, so a page never repeats or skips a row between requests.
    private static IQueryable<QueueItem> Ordered(IQueryable<QueueItem> query, ScreeningSort sort) => sort switch
    {
        ScreeningSort.Waiting => query.OrderBy(x => x.SubmittedAt == null).ThenBy(x => x.SubmittedAt).ThenBy(x => x.P.Id),
        ScreeningSort.Submitted => query.OrderBy(x => x.SubmittedAt == null).ThenByDescending(x => x.SubmittedAt).ThenBy(x => x.P.Id),
        ScreeningSort.Name => query.OrderBy(x => x.P.Title).ThenBy(x => x.P.Id),
        _ => query.OrderByDescending(x => x.P.CreatedAt).ThenBy(x => x.P.Id),
    };

    private static ScreeningRow Row(QueueItem x) =>
        new(x.P, FinPilot.Web.Components.Shared.Names.Of(x.O.NameZh, x.O.NameEn), x.O.Type, x.C.Title, x.SubmittedAt);

    /// <summary>The checklist of a project's call: the standard checks, then each required material.</summary>
    public async Task<IReadOnlyList<string>> ChecklistAsync(PilotProject project, CancellationToken cancellationToken = default)
    {
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == project.CallId, cancellationToken);
        return [.. StandardChecks, .. call.Materials.Select(m => "material:" + m)];
    }

    public async Task<IReadOnlyList<string>> TickedAsync(Guid projectId, CancellationToken cancellationToken = default) =>
        (await db.ScreeningChecklists.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken))?.Ticked ?? [];

    /// <summary>Records which checks passed; acceptance needs every one of them.</summary>
    public async Task<Result> SaveChecklistAsync(Guid projectId, IReadOnlyList<string> ticked, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new Error(ApplicationErrors.NotFound);
        }

        if (!await commands.AllowsAsync(project, ProjectOperations.Screen))
        {
            return Problems.Forbidden;
        }

        if (project.Stage != ProjectStage.Screening)
        {
            return new Error(ApplicationErrors.NotInScreening);
        }

        var items = await ChecklistAsync(project, cancellationToken);
        var record = await db.ScreeningChecklists.SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        if (record is null)
        {
            record = new ScreeningChecklist { ProjectId = projectId };
            db.ScreeningChecklists.Add(record);
        }

        record.Ticked = ticked.Where(items.Contains).Distinct().ToList();
        record.UpdatedAt = clock.GetUtcNow();
        record.UpdatedBy = current.Id!;
        await commands.SaveAsync(cancellationToken, AuditLines.Project(AuditActions.ScreeningChecklistSaved, projectId, project.RegionId, new { ticked = record.Ticked }));
        return Result.Ok();
    }

    public Task<Result> StartAsync(Guid projectId, CancellationToken cancellationToken = default) =>
        ActAsync(projectId, ProjectTrigger.StartScreening, (p, now) => p.StartScreening(now, current.Id!), null, null, cancellationToken);

    public async Task<Result> ReturnForSupplementAsync(Guid projectId, IReadOnlyList<string> items, int workingDays, CancellationToken cancellationToken = default)
    {
        var calendar = await workingCalendar.GetAsync(cancellationToken);
        return await ActAsync(projectId, ProjectTrigger.ReturnForSupplement,
            (p, now) => p.ReturnForSupplement(now, current.Id!, items, workingDays, calendar),
            NotificationKind.ReturnedForSupplement,
            async p =>
            {
                // The applicant answers in a new version that starts as a copy of the one they submitted, files included.
                var previous = await db.ApplicationVersions.AsNoTracking().SingleAsync(v => v.ProjectId == p.Id && v.Number == p.SubmittedApplicationVersion, cancellationToken);
                db.ApplicationVersions.Add(ApplicationVersionRecord.Open(p.Id, p.ApplicationVersion, previous.Form, clock.GetUtcNow(), current.Id!));
                var files = await db.Attachments.AsNoTracking().Where(a => a.ProjectId == p.Id && a.VersionNumber == previous.Number).ToListAsync(cancellationToken);
                db.Attachments.AddRange(files.Select(f => f.CarryTo(p.ApplicationVersion)));
            },
            cancellationToken);
    }

    public async Task<Result> AcceptAsync(Guid projectId, string? note, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is not null && await commands.AllowsAsync(project, ProjectOperations.Screen) && project.Stage == ProjectStage.Screening)
        {
            var open = (await ChecklistAsync(project, cancellationToken)).Except(await TickedAsync(projectId, cancellationToken)).ToList();
            if (open.Count > 0)
            {
                return new Error(ApplicationErrors.ChecklistIncomplete, "Checklist", open.Count);
            }
        }

        return await ActAsync(projectId, ProjectTrigger.Accept, (p, now) => p.Accept(now, current.Id!, note), NotificationKind.ApplicationAccepted, null, cancellationToken);
    }

    public Task<Result> RejectAsync(Guid projectId, string reason, CancellationToken cancellationToken = default) =>
        ActAsync(projectId, ProjectTrigger.Reject, (p, now) => p.Reject(now, current.Id!, reason), NotificationKind.ApplicationRejected, null, cancellationToken);

    private async Task<Result> ActAsync(
        Guid projectId, ProjectTrigger trigger, Func<PilotProject, DateTimeOffset, Result> act,
        NotificationKind? notify, Func<PilotProject, Task>? after, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new Error(ApplicationErrors.NotFound);
        }

        if (!await commands.AllowsAsync(project, ProjectOperations.Move(trigger)))
        {
            return Problems.Forbidden;
        }

        var result = act(project, clock.GetUtcNow());
        if (!result.Succeeded)
        {
            return result;
        }

        if (after is not null)
        {
            await after(project);
        }

        if (notify is { } kind)
        {
            var applicants = await db.UserIdsWithAsync(Role.Applicant, null, project.LeadOrganisationId, cancellationToken);
            notifier.Enqueue(applicants, kind, $"/applications/{project.Id}", new Dictionary<string, string>
            {
                ["title"] = project.Title,
                ["due"] = project.CurrentSupplementRequest?.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            });
        }

        return await commands.SaveAsync(ApplicationErrors.ChangedByAnother, cancellationToken);
    }
}
