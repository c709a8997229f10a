using FinPilot.Domain.Common;
using FinPilot.Domain.Incidents;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Incidents;

/// <summary>The audit line of every event an <see cref="Incident"/> records.</summary>
public sealed class IncidentAuditMap : AuditMap<Incident>
{
    protected override AuditLine? Map(Incident incident, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        IncidentReported => Line(incident, IncidentActions.Reported, new
        {
            projectId = incident.ProjectId,
            incident.Title,
            severity = (int)incident.Severity,
            incident.Severe,
            incident.OccurredAt,
            incident.DetectedAt,
            incident.ReportDueAt,
            incident.ReportedLate,
        }),
        IncidentUpdated e => Line(incident, IncidentActions.Updated, new { note = e.Note, resolvedAt = e.ResolvedAt, status = incident.Status.ToString() }),
        IncidentTriaged e => Line(incident, IncidentActions.Triaged, new { action = e.Action.ToString(), note = e.Note, status = incident.Status.ToString() }),
        _ => null,
    };

    private static AuditLine Line(Incident incident, string action, object details) =>
        new(action, AuditResource.Incident, incident.Id.ToString(), details, incident.RegionId);
}
