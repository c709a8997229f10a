using FinPilot.Domain.Alerts;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Incidents;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Disposal;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Exit;

/// <summary>
/// Reads the supervision record of a pilot for the exit: the tier formula's inputs (alerts,
/// correction orders, incidents, disposal cases, plan changes, obligations met on time), each counted
/// in SQL from the table of the module that owns it, and the metrics summary of the self-assessment.
/// Read-only: nothing here changes another module's rows.
/// </summary>
public sealed class ExitRecord(FinPilotDbContext db, TimeProvider clock)
{
    public async Task<TierInputs> TierInputsAsync(ExitCase exit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exit);
        var projectId = exit.ProjectId;
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ProjectId == projectId)
            .GroupBy(a => a.Severity).Select(g => new { Severity = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var orders = db.CorrectionOrders.AsNoTracking().Where(o => o.ProjectId == projectId && o.Status != CorrectionStatus.Revoked);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.ProjectId == projectId)
            .GroupBy(i => i.Severity).Select(g => new { Severity = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var disposal = await DisposalAsync(projectId, cancellationToken);

        // The institution's duties that fell due: fulfilled, or still open past their due time; waived ones are left out,
        // and so are the working group's own duties and the exit path's own steps (not part of the record being assessed).
        var now = clock.GetUtcNow();
        var wgKinds = ObligationRules.WorkingGroupKinds.ToList();
        var exitKinds = new[] { ObligationKind.ExitSelfAssessment, ObligationKind.ExitAnswer };
        var duties = db.Obligations.AsNoTracking().Where(o => o.ProjectId == projectId && !wgKinds.Contains(o.Kind) && !exitKinds.Contains(o.Kind)
            && o.Status != ObligationStatus.Waived);
        var fulfilled = await duties.Where(o => o.Status == ObligationStatus.Fulfilled).Select(o => new { o.DueAt, o.ClosedAt }).ToListAsync(cancellationToken);
        var openDue = await duties.Where(o => o.Status == ObligationStatus.Open).Select(o => o.DueAt).ToListAsync(cancellationToken);
        return new TierInputs
        {
            Mode = exit.Mode,
            ExpertAverage = exit.Review?.Summary().Overall,
            RiskAlerts = alerts.Where(a => a.Severity == AlertSeverity.Risk).Sum(a => a.Count),
            WarningAlerts = alerts.Where(a => a.Severity == AlertSeverity.Warning).Sum(a => a.Count),
            CorrectionOrders = await orders.CountAsync(cancellationToken),
            CorrectionsEscalated = await orders.CountAsync(o => o.Escalation != CorrectionEscalation.None, cancellationToken),
            CorrectionsUnclosed = await orders.CountAsync(o => o.Status != CorrectionStatus.Closed, cancellationToken),
            SeriousIncidents = incidents.Where(i => i.Severity is IncidentSeverity.I or IncidentSeverity.II).Sum(i => i.Count),
            MinorIncidents = incidents.Where(i => i.Severity is IncidentSeverity.III or IncidentSeverity.IV).Sum(i => i.Count),
            DisposalCases = disposal.Cases,
            SevereDisposalCases = disposal.Severe,
            PlanChanges = await db.PlanChanges.AsNoTracking().CountAsync(c => c.ProjectId == projectId && c.Status == PlanChangeStatus.Approved, cancellationToken),
            ObligationsDue = fulfilled.Count + openDue.Count(d => d < now),
            ObligationsOnTime = fulfilled.Count(o => o.ClosedAt <= o.DueAt),
        };
    }

    /// <summary>
    /// The confirmed disposal cases (see <see cref="DisposalTally"/>): a case still proposed is left out, and a closed case counts
    /// only if it was opened — its "opened" audit line, written when a case opens directly or a proposal is confirmed — since a
    /// dismissed proposal closes without ever opening. A pilot has a handful of cases: they are read by project, the audit by id.
    /// </summary>
    private async Task<(int Cases, int Severe)> DisposalAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var cases = await db.DisposalCases.AsNoTracking().Where(d => d.ProjectId == projectId && d.Status != DisposalCaseStatus.Proposed)
            .Select(d => new { d.Id, d.Status, d.Level }).ToListAsync(cancellationToken);
        var closed = cases.Where(c => c.Status == DisposalCaseStatus.Closed).Select(c => c.Id.ToString()).ToList();
        var resource = AuditResource.DisposalCase.Name;
        var opened = new HashSet<string>(StringComparer.Ordinal);
        if (closed.Count > 0)
        {
            opened.UnionWith(await db.AuditEntries.AsNoTracking()
                .Where(a => a.ResourceType == resource && a.Action == DisposalAuditActions.Opened && a.ResourceId != null && closed.Contains(a.ResourceId))
                .Select(a => a.ResourceId!).Distinct().ToListAsync(cancellationToken));
        }

        return DisposalTally.Of(cases.Select(c => new DisposalHistory(c.Status, c.Level, c.Status == DisposalCaseStatus.Open || opened.Contains(c.Id.ToString()))));
    }

    /// <summary>Each metric series of the pilot: how many samples, the latest value, the lowest and the highest.</summary>
    public async Task<IReadOnlyList<MetricSummaryLine>> MetricsSummaryAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var samples = await db.MetricSamples.AsNoTracking().Where(s => s.ProjectId == projectId)
            .Select(s => new { s.MetricCode, s.PeriodEnd, s.Value }).ToListAsync(cancellationToken);
        return [.. samples.GroupBy(s => s.MetricCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new MetricSummaryLine(
            g.Key, g.Count(), (decimal)g.OrderBy(s => s.PeriodEnd).Last().Value, (decimal)g.Min(s => s.Value), (decimal)g.Max(s => s.Value)))];
    }
}
