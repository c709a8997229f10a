using FinPilot.Domain.Common;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Obligations;

/// <summary>How a list is ordered: the applicant's to-do list puts open ones first, the working group's list is by due date.</summary>
public enum ObligationOrder
{
    DueDate = 1,
    OpenFirst = 2,
}

/// <param name="Overdue">true: only open ones past their due time; false: only the others.</param>
public sealed record ObligationFilter(
    int? RegionId = null, Guid? OrganisationId = null, Guid? ProjectId = null, ObligationKind? Kind = null, ObligationStatus? Status = null,
    bool? Overdue = null, ObligationOrder Order = ObligationOrder.DueDate, int? Page = null, int? PageSize = null);

/// <summary>One obligation as the lists show it, with its project (empty for an organisation's duty with no project) and organisation named.</summary>
public sealed record ObligationRow(
    Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, Guid OrganisationId, string OrganisationNameZh, string OrganisationNameEn,
    ObligationKind Kind, string Subject, DateTimeOffset DueAt, ObligationStatus Status, DateTimeOffset? ClosedAt, bool Overdue);

/// <summary>
/// Reads of obligations for pages and the API: filtered, sorted and paged in SQL, restricted to what
/// the caller may see (<see cref="SupervisedScope"/>); naming a region or organisation that is
/// not the caller's is refused, not silently emptied.
/// </summary>
public sealed class ObligationQueries(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, TimeProvider clock)
{
    public async Task<Result<Page<ObligationRow>>> ListAsync(ObligationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await commands.AllowsAsync(new ObligationScope(filter.RegionId, filter.OrganisationId), ObligationOperations.Read))
        {
            return Result<Page<ObligationRow>>.Fail(Problems.Forbidden);
        }

        var visibility = await VisibilityAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var query = visibility.Apply(db.Obligations.AsNoTracking(), filter.RegionId, filter.OrganisationId, filter.ProjectId);
        if (!visibility.Everything)
        {
            // The working group's own duties show in its lists, not in the institution's.
            var regions = visibility.Regions.ToList();
            var workingGroupKinds = ObligationRules.WorkingGroupKinds.ToList();
            query = query.Where(o => regions.Contains(o.RegionId) || !workingGroupKinds.Contains(o.Kind));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (filter.Overdue is { } overdue)
        {
            query = overdue
                ? query.Where(o => o.Status == ObligationStatus.Open && o.DueAt < now)
                : query.Where(o => !(o.Status == ObligationStatus.Open && o.DueAt < now));
        }

        var (number, size) = Page<ObligationRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var ordered = filter.Order == ObligationOrder.OpenFirst
            ? query.OrderBy(o => o.Status == ObligationStatus.Open ? 0 : 1).ThenBy(o => o.DueAt).ThenBy(o => o.Id)
            : query.OrderBy(o => o.DueAt).ThenBy(o => o.Id);
        var rows = await (
            from o in ordered.Skip((number - 1) * size).Take(size)
            join p in db.Projects.AsNoTracking() on o.ProjectId equals p.Id into projects
            from p in projects.DefaultIfEmpty()
            join org in db.Organisations.AsNoTracking() on o.OrganisationId equals org.Id
            select new { o, Title = p == null ? string.Empty : p.Title, org.NameZh, org.NameEn }).ToListAsync(cancellationToken);

        // The join does not keep the page's order on every database: order the page again in memory.
        var page = rows
            .OrderBy(r => filter.Order == ObligationOrder.OpenFirst && r.o.Status != ObligationStatus.Open ? 1 : 0).ThenBy(r => r.o.DueAt).ThenBy(r => r.o.Id)
            .Select(r => new ObligationRow(r.o.Id, r.o.ProjectId, r.Title, r.o.RegionId, r.o.OrganisationId, r.NameZh, r.NameEn,
                r.o.Kind, r.o.Subject, r.o.DueAt, r.o.Status, r.o.ClosedAt, r.o.IsOverdue(now)))
            .ToList();
        return new Page<ObligationRow>(page, number, size, total);
    }

    /// <summary>What the current user may see of obligations.</summary>
    public Task<SupervisedScope> VisibilityAsync(CancellationToken cancellationToken = default) =>
        SupervisedScope.OfAsync(current, cancellationToken);

    /// <summary>One obligation, for whoever may read it: 404 when there is none, 403 when it is not the caller's.</summary>
    public async Task<Result<Obligation>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var obligation = await db.Obligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (obligation is null)
        {
            return new Error(ObligationErrors.NotFound);
        }

        return await commands.AllowsAsync(obligation, ObligationOperations.Read) ? obligation : Problems.Forbidden;
    }
}
