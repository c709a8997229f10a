using FinPilot.Domain.Common;
using FinPilot.Domain.Corrections;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Corrections;

public sealed record CorrectionFilter(
    int? RegionId = null, Guid? OrganisationId = null, Guid? ProjectId = null, CorrectionStatus? Status = null, bool? Open = null,
    bool? Escalated = null, int? Page = null, int? PageSize = null);

/// <summary>One order as the lists show it, with its project named.</summary>
public sealed record CorrectionRow(
    Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, Guid OrganisationId, CorrectionSeverity Severity, CorrectionStatus Status,
    CorrectionEscalation Escalation, bool MustRectify, bool Disclosed, DateTimeOffset IssuedAt, DateTimeOffset DueAt, int Extensions, string Findings);

/// <summary>One tolerated deviation as the lists show it.</summary>
public sealed record ToleranceRow(
    Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, ToleranceStatus Status, DateOnly ExpiresOn, int Term, DateTimeOffset RecordedAt, string Deviation);

/// <summary>An order with its project's title and what the reader may do with it.</summary>
public sealed record CorrectionView(CorrectionOrder Order, string ProjectTitle, bool CanAnswer, bool CanSupervise);

/// <summary>A tolerated deviation with its project's title and whether the reader may review it.</summary>
public sealed record ToleranceView(ToleratedDeviation Deviation, string ProjectTitle, bool CanReview);

/// <summary>The pilot an order or deviation would be about, and whether the caller may act on it.</summary>
public sealed record CorrectionTarget(Guid Id, string Title, bool Supervised);

/// <summary>
/// Reads of correction orders and tolerated deviations: filtered, newest first and paged in SQL,
/// restricted to what the caller may see (<see cref="SupervisedScope"/>, the same rule as a single record's).
/// </summary>
public sealed class CorrectionQueries(FinPilotDbContext db, CurrentUser current, CommandPipeline commands)
{
    public async Task<Result<Page<CorrectionRow>>> ListAsync(CorrectionFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var scope = await SupervisedScope.OfAsync(current, ct);
        if (!scope.Allows(filter.RegionId, filter.OrganisationId))
        {
            return Result<Page<CorrectionRow>>.Fail(Problems.Forbidden);
        }

        var query = scope.Apply(db.CorrectionOrders.AsNoTracking(), filter.RegionId, filter.OrganisationId, filter.ProjectId);
        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (filter.Open is { } open)
        {
            var statuses = CorrectionOrder.OpenStatuses;
            query = open ? query.Where(o => statuses.Contains(o.Status)) : query.Where(o => !statuses.Contains(o.Status));
        }

        if (filter.Escalated is { } escalated)
        {
            query = escalated ? query.Where(o => o.Escalation != CorrectionEscalation.None) : query.Where(o => o.Escalation == CorrectionEscalation.None);
        }

        var (number, size) = Page<CorrectionRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await (
            from o in query.OrderByDescending(o => o.IssuedAt).ThenByDescending(o => o.Id).Skip((number - 1) * size).Take(size)
            join p in db.Projects.AsNoTracking() on o.ProjectId equals p.Id
            select new CorrectionRow(o.Id, o.ProjectId, p.Title, o.RegionId, o.OrganisationId, o.Severity, o.Status, o.Escalation, o.MustRectify, o.Disclosed,
                o.IssuedAt, o.DueAt, o.Extensions, o.Findings))
            .ToListAsync(ct);
        return new Page<CorrectionRow>([.. rows.OrderByDescending(x => x.IssuedAt).ThenByDescending(x => x.Id)], number, size, total);
    }

    public async Task<Result<Page<ToleranceRow>>> TolerancesAsync(int? regionId, Guid? projectId, bool? active, int? page, int? pageSize, CancellationToken ct = default)
    {
        var scope = await SupervisedScope.OfAsync(current, ct);
        if (!scope.Allows(regionId, null))
        {
            return Result<Page<ToleranceRow>>.Fail(Problems.Forbidden);
        }

        var query = scope.Apply(db.ToleratedDeviations.AsNoTracking(), regionId, null, projectId);
        if (active is { } a)
        {
            query = a ? query.Where(t => t.Status == ToleranceStatus.Active) : query.Where(t => t.Status != ToleranceStatus.Active);
        }

        var (number, size) = Page<ToleranceRow>.Normalise(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await (
            from t in query.OrderByDescending(t => t.RecordedAt).ThenByDescending(t => t.Id).Skip((number - 1) * size).Take(size)
            join p in db.Projects.AsNoTracking() on t.ProjectId equals p.Id
            select new ToleranceRow(t.Id, t.ProjectId, p.Title, t.RegionId, t.Status, t.ExpiresOn, t.Term, t.RecordedAt, t.Deviation))
            .ToListAsync(ct);
        return new Page<ToleranceRow>([.. rows.OrderByDescending(x => x.RecordedAt).ThenByDescending(x => x.Id)], number, size, total);
    }

    /// <summary>One order, for whoever may read it: 404 when there is none, 403 when it is not the caller's.</summary>
    public async Task<Result<CorrectionView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var order = await db.CorrectionOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return new Error(CorrectionErrors.NotFound);
        }

        var resource = CorrectionProject.Of(order);
        if (!await commands.AllowsAsync(resource, CorrectionOperations.Read))
        {
            return Problems.Forbidden;
        }

        var title = await TitleAsync(order.ProjectId, ct);
        return new CorrectionView(order, title,
            order.IsOpen && await commands.AllowsAsync(resource, CorrectionOperations.Answer),
            await commands.AllowsAsync(resource, CorrectionOperations.Supervise));
    }

    public async Task<Result<ToleranceView>> ToleranceAsync(Guid id, CancellationToken ct = default)
    {
        var deviation = await db.ToleratedDeviations.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (deviation is null)
        {
            return new Error(CorrectionErrors.ToleranceNotFound);
        }

        var resource = CorrectionProject.Of(deviation);
        if (!await commands.AllowsAsync(resource, CorrectionOperations.Read))
        {
            return Problems.Forbidden;
        }

        return new ToleranceView(deviation, await TitleAsync(deviation.ProjectId, ct),
            deviation.Status == ToleranceStatus.Active && await commands.AllowsAsync(resource, CorrectionOperations.Supervise));
    }

    /// <summary>The pilot the working group would issue an order on or tolerate a deviation of, if the caller may.</summary>
    public Task<Result<CorrectionTarget>> SupervisableProjectAsync(Guid projectId, CancellationToken ct = default) =>
        TargetAsync(projectId, CorrectionOperations.Supervise, ct);

    /// <summary>The pilot whose orders the caller would read, if it may.</summary>
    public Task<Result<CorrectionTarget>> ReadableProjectAsync(Guid projectId, CancellationToken ct = default) =>
        TargetAsync(projectId, CorrectionOperations.Read, ct);

    private async Task<Result<CorrectionTarget>> TargetAsync(Guid projectId, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.Title, p.RegionId, p.LeadOrganisationId, p.Stage }).SingleOrDefaultAsync(ct);
        if (project is null)
        {
            return new Error(CorrectionErrors.ProjectNotFound);
        }

        return await commands.AllowsAsync(new CorrectionProject(project.Id, project.RegionId, project.LeadOrganisationId), operation)
            ? new CorrectionTarget(project.Id, project.Title, CorrectionOrder.IsSupervised(project.Stage))
            : Problems.Forbidden;
    }

    private Task<string> TitleAsync(Guid projectId, CancellationToken ct) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync(ct);
}
