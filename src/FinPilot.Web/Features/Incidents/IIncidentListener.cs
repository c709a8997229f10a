namespace FinPilot.Web.Features.Incidents;

/// <summary>An incident as the institution has just reported it (事件报告).</summary>
/// <param name="Severity">I (1, the gravest) to IV (4).</param>
/// <param name="Severe">Whether its severity counts as severe under the incident settings (a severe-incident alert is raised).</param>
public sealed record ReportedIncident(Guid IncidentId, Guid ProjectId, int RegionId, int Severity, bool Severe, DateTimeOffset DetectedAt, DateTimeOffset ReportedAt);

/// <summary>
/// Told once per incident, after the incident is saved, in the request that reported it (the risk
/// rules raise a severe-incident alert). A listener's failure must not undo the report: listeners
/// catch and log their own errors, and must be idempotent on the incident id.
/// </summary>
public interface IIncidentListener
{
    Task IncidentReportedAsync(ReportedIncident incident, CancellationToken cancellationToken);
}
