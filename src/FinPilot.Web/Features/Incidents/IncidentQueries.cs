using FinPilot.Domain.Common;
using FinPilot.Domain.Incidents;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Incidents;

public sealed record IncidentFilter(
    int? RegionId = null, Guid? OrganisationId = null, Guid? ProjectId = null, IncidentSeverity? Severity = null, IncidentStatus? Status = null,
    bool? Severe = null, int? Page = null, int? PageSize = null);

/// <summary>One incident as the lists show it, with its project named.</summary>
public sealed record IncidentRow(
    Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, Guid OrganisationId, string Title, IncidentSeverity Severity, bool Severe,
    IncidentStatus Status, DateTimeOffset DetectedAt, DateTimeOffset ReportedAt, DateTimeOffset? ResolvedAt, bool ReportedLate);

/// <summary>An incident with what the reader may do with it, for the detail page and the API.</summary>
public sealed record IncidentView(Incident Incident, string ProjectTitle, bool CanUpdate, bool CanTriage, IReadOnlyList<TriageAction> Actions);

/// <summary>
/// Reads of incidents: filtered, newest first and paged in SQL, restricted to what the caller may see
/// (<see cref="SupervisedScope"/>, the same rule as a single record's).
/// </summary>
public sealed class IncidentQueries(FinPilotDbContext db, CurrentUser current, CommandPipeline commands)
{
    public async Task<Result<Page<IncidentRow>>> ListAsync(IncidentFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var visibility = await VisibilityAsync(cancellationToken);
        if (!visibility.Allows(filter.RegionId, filter.OrganisationId))
        {
            return Result<Page<IncidentRow>>.Fail(Problems.Forbidden);
        }

        var query = visibility.Apply(db.Incidents.AsNoTracking(), filter.RegionId, filter.OrganisationId, filter.ProjectId);

        if (filter.Severity is { } severity)
        {
            query = query.Where(i => i.Severity == severity);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.Severe is { } severe)
        {
            query = query.Where(i => i.Severe == severe);
        }

        var (number, size) = Page<IncidentRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await (
            from i in query.OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id).Skip((number - 1) * size).Take(size)
            join p in db.Projects.AsNoTracking() on i.ProjectId equals p.Id
            select new IncidentRow(i.Id, i.ProjectId, p.Title, i.RegionId, i.OrganisationId, i.Title, i.Severity, i.Severe, i.Status, i.DetectedAt, i.ReportedAt, i.ResolvedAt, i.ReportedLate))
            .ToListAsync(cancellationToken);

        // The join does not keep the page's order on every database: order the page again in memory.
        return new Page<IncidentRow>([.. rows.OrderByDescending(x => x.ReportedAt).ThenByDescending(x => x.Id)], number, size, total);
    }

    /// <summary>One incident, for whoever may read it: 404 when there is none, 403 when it is not the caller's.</summary>
    public async Task<Result<IncidentView>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return new Error(IncidentErrors.NotFound);
        }

        var project = IncidentProject.Of(incident);
        if (!await commands.AllowsAsync(project, IncidentOperations.Read))
        {
            return Problems.Forbidden;
        }

        var title = await db.Projects.AsNoTracking().Where(p => p.Id == incident.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);
        var canTriage = await commands.AllowsAsync(project, IncidentOperations.Triage);
        var canUpdate = incident.Status != IncidentStatus.Closed && await commands.AllowsAsync(project, IncidentOperations.Report);
        return new IncidentView(incident, title, canUpdate, canTriage, canTriage ? IncidentLifecycle.ActionsFrom(incident.Status) : []);
    }

    /// <summary>The pilot to report on, if the caller may report on it: its title and whether it is running.</summary>
    public Task<Result<(Guid Id, string Title, bool Reportable)>> ReportableProjectAsync(Guid projectId, CancellationToken cancellationToken = default) =>
        ProjectForAsync(projectId, IncidentOperations.Report, cancellationToken);

    /// <summary>The pilot the working group would ask for an incident report, if the caller may ask (the region's working group).</summary>
    public Task<Result<(Guid Id, string Title, bool Reportable)>> RequestableProjectAsync(Guid projectId, CancellationToken cancellationToken = default) =>
        ProjectForAsync(projectId, IncidentOperations.RequestReport, cancellationToken);

    private async Task<Result<(Guid Id, string Title, bool Reportable)>> ProjectForAsync(
        Guid projectId, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.Title, p.RegionId, p.LeadOrganisationId, p.Stage }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new Error(IncidentErrors.ProjectNotFound);
        }

        return await commands.AllowsAsync(new IncidentProject(project.Id, project.RegionId, project.LeadOrganisationId), operation)
            ? (project.Id, project.Title, Incident.IsReportable(project.Stage))
            : Problems.Forbidden;
    }

    /// <summary>
    /// A pilot's incidents for its supervision page, whether the caller may report one (the institution)
    /// and may ask for one (the working group); forbidden to whoever may not read them.
    /// </summary>
    public async Task<Result<ProjectIncidents>> ForProjectAsync(Guid projectId, int? page, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.RegionId, p.LeadOrganisationId, p.Stage }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new Error(IncidentErrors.ProjectNotFound);
        }

        var resource = new IncidentProject(project.Id, project.RegionId, project.LeadOrganisationId);
        if (!await commands.AllowsAsync(resource, IncidentOperations.Read))
        {
            return Problems.Forbidden;
        }

        var list = await ListAsync(new IncidentFilter(ProjectId: projectId, Page: page), cancellationToken);
        if (!list.Succeeded)
        {
            return Result<ProjectIncidents>.Fail([.. list.Errors]);
        }

        var reportable = Incident.IsReportable(project.Stage);
        return new ProjectIncidents(
            list.Value,
            reportable && await commands.AllowsAsync(resource, IncidentOperations.Report),
            reportable && await commands.AllowsAsync(resource, IncidentOperations.RequestReport));
    }

    public Task<SupervisedScope> VisibilityAsync(CancellationToken cancellationToken = default) =>
        SupervisedScope.OfAsync(current, cancellationToken);
}

/// <summary>A pilot's incidents on its supervision page, and what the reader may do there.</summary>
public sealed record ProjectIncidents(Page<IncidentRow> Page, bool CanReport, bool CanRequest);
