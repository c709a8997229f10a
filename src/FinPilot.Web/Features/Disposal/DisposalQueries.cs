using FinPilot.Domain.Common;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Disposal;

public sealed record DisposalFilter(
    int? RegionId = null, Guid? OrganisationId = null, Guid? ProjectId = null, DisposalCaseStatus? Status = null, DisposalLevel? Level = null,
    int? Page = null, int? PageSize = null);

/// <summary>One case as the lists show it, with its project named.</summary>
public sealed record DisposalRow(
    Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, Guid OrganisationId, DisposalLevel Level, DisposalSource Source, DisposalCaseStatus Status,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

/// <summary>A case with its project, the plan level's triggers, and what the reader may do with it.</summary>
public sealed record DisposalView(
    DisposalCase Case, string ProjectTitle, ProjectStage ProjectStage, ContingencyLevel? PlanLevel, bool CanDispose, bool CanRespond, bool MaySchedule = false)
{
    /// <summary>
    /// The compensation arrangement (损失补偿安排) promised in the pilot's submitted application, as written
    /// (a free text: the totals are shown beside it, not as a ratio); null when the application has none.
    /// </summary>
    public string? CompensationPromise { get; init; }

    /// <summary>The coordination group may put the proposal on a meeting's agenda: proposed, not yet scheduled, the pilot still admitted.</summary>
    public bool CanSchedule => MaySchedule && Case.TerminationProposedAt is not null && Case.TerminationAgendaItemId is null
        && ProjectStage is ProjectStage.Running or ProjectStage.Rectifying or ProjectStage.Suspended;

    public bool CanSuspend => CanDispose && Case.IsOpen && !Case.HoldsSuspension && ProjectStage is ProjectStage.Running or ProjectStage.Rectifying;

    public bool CanResume => CanDispose && Case.HoldsSuspension && ProjectStage == ProjectStage.Suspended;

    /// <summary>The working group may confirm or dismiss a case the escalation ladder proposed.</summary>
    public bool CanConfirm => CanDispose && Case.Status == DisposalCaseStatus.Proposed;

    public bool CanClose => CanDispose && Case.IsOpen && Case.OpenActions.Count == 0;
}

/// <summary>
/// Reads of disposal cases: filtered, newest first and paged in SQL, restricted to what the caller
/// may see (<see cref="SupervisedScope"/>, the same rule as a single case's).
/// </summary>
public sealed class DisposalQueries(FinPilotDbContext db, CurrentUser current, CommandPipeline commands)
{
    public async Task<Result<Page<DisposalRow>>> ListAsync(DisposalFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var scope = await SupervisedScope.OfAsync(current, cancellationToken);
        if (!scope.Allows(filter.RegionId, filter.OrganisationId))
        {
            return Result<Page<DisposalRow>>.Fail(Problems.Forbidden);
        }

        var query = scope.Apply(db.DisposalCases.AsNoTracking(), filter.RegionId, filter.OrganisationId, filter.ProjectId);
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(c => c.Level == level);
        }

        var (number, size) = Page<DisposalRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await (
            from c in query.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id).Skip((number - 1) * size).Take(size)
            join p in db.Projects.AsNoTracking() on c.ProjectId equals p.Id
            select new DisposalRow(c.Id, c.ProjectId, p.Title, c.RegionId, c.OrganisationId, c.Level, c.Source, c.Status, c.OpenedAt, c.ClosedAt))
            .ToListAsync(cancellationToken);

        // The join does not keep the page's order on every database: order the page again in memory.
        return new Page<DisposalRow>([.. rows.OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)], number, size, total);
    }

    /// <summary>One case, for whoever may read it: 404 when there is none, 403 when it is not the caller's.</summary>
    public async Task<Result<DisposalView>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var disposal = await db.DisposalCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (disposal is null)
        {
            return new Error(DisposalErrors.NotFound);
        }

        var resource = DisposalProject.Of(disposal);
        if (!await commands.AllowsAsync(resource, DisposalOperations.Read))
        {
            return Problems.Forbidden;
        }

        var project = await db.Projects.AsNoTracking().Where(p => p.Id == disposal.ProjectId)
            .Select(p => new { p.Title, p.Stage, Version = p.SubmittedApplicationVersion ?? p.ApplicationVersion }).SingleAsync(cancellationToken);
        var application = await db.ApplicationVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.ProjectId == disposal.ProjectId && v.Number == project.Version, cancellationToken);
        var plan = await db.ContingencyPlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == disposal.PlanVersionId, cancellationToken);
        return new DisposalView(
            disposal, project.Title, project.Stage, plan?.Levels.FirstOrDefault(l => l.Level == disposal.Level),
            await commands.AllowsAsync(resource, DisposalOperations.Dispose),
            disposal.IsOpen && await commands.AllowsAsync(resource, DisposalOperations.Respond),
            await commands.AllowsAsync(resource, DisposalOperations.Schedule))
        {
            CompensationPromise = Text.Clean(application?.Form.Compensation),
        };
    }

    /// <summary>The pilot a case would be opened on, if the caller may open one (the region's working group): its title and whether it is admitted.</summary>
    public async Task<Result<(Guid Id, string Title, bool Openable)>> OpenableProjectAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.Title, p.RegionId, p.LeadOrganisationId, p.Stage }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new Error(DisposalErrors.ProjectNotFound);
        }

        return await commands.AllowsAsync(new DisposalProject(project.Id, project.RegionId, project.LeadOrganisationId), DisposalOperations.Dispose)
            ? (project.Id, project.Title, DisposalCase.IsOpenable(project.Stage))
            : Problems.Forbidden;
    }
}
