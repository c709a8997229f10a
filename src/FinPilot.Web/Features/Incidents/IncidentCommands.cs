using FinPilot.Domain.Common;
using FinPilot.Domain.Incidents;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Incidents;

public static class IncidentActions
{
    public const string Reported = "incident.reported";
    public const string Updated = "incident.updated";
    public const string Triaged = "incident.triaged";
}

/// <summary>
/// 事件报告: the lead institution reports an incident on a running pilot and adds updates; the
/// region's working group triages it. A severe incident's report obligation (due within the set
/// hours of detection) is created and fulfilled by the report itself, late if it came late; the
/// incident listeners hear of each report after it is saved.
/// </summary>
public sealed class IncidentCommands(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ObligationBook obligations, IncidentNotifications notifications,
    IncidentPolicy policy, IEnumerable<IIncidentListener> listeners, TimeProvider clock, ILogger<IncidentCommands> logger)
{
    public async Task<Result<Incident>> ReportAsync(Guid projectId, IncidentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new Error(IncidentErrors.ProjectNotFound);
        }

        if (!await commands.AllowsAsync(new IncidentProject(project.Id, project.RegionId, project.LeadOrganisationId), IncidentOperations.Report))
        {
            return Problems.Forbidden;
        }

        var now = clock.GetUtcNow();
        var reported = Incident.Report(project, input, policy, now, current.Id!);
        if (!reported.Succeeded)
        {
            return reported;
        }

        var incident = reported.Value;
        db.Incidents.Add(incident);
        if (incident.ReportDueAt is { } due)
        {
            // The duty arose at detection; the report meets it now, late or not.
            var subject = incident.Id.ToString();
            await obligations.EnsureAsync(
                new ObligationDraft(incident.ProjectId, incident.RegionId, incident.OrganisationId, ObligationKind.IncidentReport, subject, due), cancellationToken);
            await obligations.FulfilAsync(incident.ProjectId, ObligationKind.IncidentReport, subject, now, current.Id!, cancellationToken);
        }

        await notifications.ReportedAsync(incident, project.Title, cancellationToken);
        await commands.SaveAsync(cancellationToken, new AuditLine(IncidentActions.Reported, AuditResource.Incident, incident.Id.ToString(),
            new { projectId, incident.Title, severity = (int)incident.Severity, incident.Severe, incident.OccurredAt, incident.DetectedAt, incident.ReportDueAt, incident.ReportedLate },
            incident.RegionId));
        await TellListenersAsync(incident, cancellationToken);
        return incident;
    }

    public Task<string> ProjectTitleAsync(Guid projectId, CancellationToken cancellationToken = default) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync(cancellationToken);

    public Task<Result<Incident>> AddUpdateAsync(Guid incidentId, string note, DateTimeOffset? resolvedAt, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(incidentId, IncidentOperations.Report, expected, incident =>
        {
            var result = incident.AddUpdate(note ?? string.Empty, resolvedAt, clock.GetUtcNow(), current.Id!);
            return Task.FromResult((result, new AuditLine(IncidentActions.Updated, AuditResource.Incident, incident.Id.ToString(),
                new { note, resolvedAt, status = incident.Status.ToString() }, incident.RegionId)));
        }, cancellationToken);

    public Task<Result<Incident>> TriageAsync(Guid incidentId, TriageAction action, string? note, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(incidentId, IncidentOperations.Triage, expected, async incident =>
        {
            var result = incident.TriageWith(action, note, clock.GetUtcNow(), current.Id!);
            if (result.Succeeded)
            {
                var title = await db.Projects.AsNoTracking().Where(p => p.Id == incident.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);
                await notifications.TriagedAsync(incident, action, title, cancellationToken);
            }

            return (result, new AuditLine(IncidentActions.Triaged, AuditResource.Incident, incident.Id.ToString(),
                new { action = action.ToString(), note, status = incident.Status.ToString() }, incident.RegionId));
        }, cancellationToken);

    private async Task<Result<Incident>> ChangeAsync(
        Guid incidentId, OperationAuthorizationRequirement operation, Guid expected, Func<Incident, Task<(Result Result, AuditLine Audit)>> change, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return new Error(IncidentErrors.NotFound);
        }

        if (!await commands.AllowsAsync(IncidentProject.Of(incident), operation))
        {
            db.ChangeTracker.Clear();
            return Problems.Forbidden;
        }

        if (incident.Version != expected)
        {
            db.ChangeTracker.Clear();
            return new Error(IncidentErrors.Concurrency);
        }

        var (result, audit) = await change(incident);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<Incident>.Fail([.. result.Errors]);
        }

        return await commands.SaveAsync(incident, IncidentErrors.Concurrency, cancellationToken, audit);
    }

    private async Task TellListenersAsync(Incident incident, CancellationToken cancellationToken)
    {
        var reported = new ReportedIncident(incident.Id, incident.ProjectId, incident.RegionId, (int)incident.Severity, incident.Severe, incident.DetectedAt, incident.ReportedAt);
        foreach (var listener in listeners)
        {
            try
            {
                await listener.IncidentReportedAsync(reported, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The report stands whatever a listener does (IIncidentListener's contract).
                logger.LogError(exception, "An incident listener failed on incident {Incident} of project {Project}.", incident.Id, incident.ProjectId);
            }
        }
    }
}
