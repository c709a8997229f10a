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
    public const string ReportRequested = "incident.report-requested";
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

        // A report the working group asked for is met by the next incident reported on the pilot (the oldest request first).
        var asked = await db.Obligations
            .Where(o => o.ProjectId == incident.ProjectId && o.Kind == ObligationKind.IncidentReport && o.Status == ObligationStatus.Open
                && o.Subject.StartsWith(RequestSubjectPrefix))
            .OrderBy(o => o.DueAt).FirstOrDefaultAsync(cancellationToken);
        asked?.Fulfil(now, current.Id!);

        await notifications.ReportedAsync(incident, project.Title, cancellationToken);
        await commands.SaveAsync(cancellationToken);
        await TellListenersAsync(incident, cancellationToken);
        return incident;
    }

    /// <summary>The subject of an incident report the working group asked for starts with this, then the request's id.</summary>
    public const string RequestSubjectPrefix = "request:";

    /// <summary>
    /// The region's working group asks the institution for an incident report on a running pilot:
    /// an <see cref="ObligationKind.IncidentReport"/> obligation on the institution, due within
    /// <paramref name="hours"/> (default: the severe-incident deadline), and a notice to its applicants.
    /// The next incident the institution reports fulfils it.
    /// </summary>
    public async Task<Result<Obligation>> RequestReportAsync(Guid projectId, string reason, int? hours, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new Error(IncidentErrors.ProjectNotFound);
        }

        if (!await commands.AllowsAsync(new IncidentProject(project.Id, project.RegionId, project.LeadOrganisationId), IncidentOperations.RequestReport))
        {
            return Problems.Forbidden;
        }

        if (!Incident.IsReportable(project.Stage))
        {
            return new Error(IncidentErrors.ProjectNotRunning, null, project.Stage);
        }

        var errors = Text.Required(reason, "Reason", Obligation.MaxReasonLength).ToList();
        if (hours is < 1 or > 720)
        {
            errors.Add(new Error(IncidentErrors.RequestHoursInvalid, "Hours", 1, 720));
        }

        if (errors.Count > 0)
        {
            return Result<Obligation>.Fail([.. errors]);
        }

        var now = clock.GetUtcNow();
        var due = ObligationRules.IncidentReportDue(now, hours ?? policy.ReportHours);
        var requestId = Guid.CreateVersion7(now);
        var obligation = await obligations.EnsureAsync(new ObligationDraft(
            project.Id, project.RegionId, project.LeadOrganisationId, ObligationKind.IncidentReport, $"{RequestSubjectPrefix}{requestId:N}", due), cancellationToken);
        await notifications.ReportRequestedAsync(project.LeadOrganisationId, project.Id, project.Title, due, reason.Trim(), cancellationToken);
        await commands.SaveAsync(cancellationToken, new AuditLine(IncidentActions.ReportRequested, AuditResource.Incident, requestId.ToString(),
            new { projectId, reason = reason.Trim(), dueAt = due, obligationId = obligation.Id }, project.RegionId));
        return obligation;
    }

    public Task<string> ProjectTitleAsync(Guid projectId, CancellationToken cancellationToken = default) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync(cancellationToken);

    public Task<Result<Incident>> AddUpdateAsync(Guid incidentId, string note, DateTimeOffset? resolvedAt, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(incidentId, IncidentOperations.Report, expected, incident =>
        {
            return Task.FromResult(incident.AddUpdate(note ?? string.Empty, resolvedAt, clock.GetUtcNow(), current.Id!));
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

            return result;
        }, cancellationToken);

    private async Task<Result<Incident>> ChangeAsync(
        Guid incidentId, OperationAuthorizationRequirement operation, Guid expected, Func<Incident, Task<Result>> change, CancellationToken cancellationToken)
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

        var result = await change(incident);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<Incident>.Fail([.. result.Errors]);
        }

        return await commands.SaveAsync(incident, IncidentErrors.Concurrency, cancellationToken);
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
