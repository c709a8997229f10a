using FinPilot.Domain.Integrity;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Integrity;

/// <summary>Where a record is: its region, its pilot (with the pilot's lead organisation and title).</summary>
public sealed record IntegrityRecordPlace(int RegionId, Guid ProjectId, Guid OrganisationId, string Title);

/// <summary>
/// Finds the record an integrity flag concerns, by kind and id, in the module that owns it; null
/// when there is none. A metric series is named "{projectId}:{metric code}"; a person by user id
/// (placed nowhere: no pilot).
/// </summary>
public sealed class IntegrityRecords(FinPilotDbContext db)
{
    public async Task<IntegrityRecordPlace?> FindAsync(IntegrityRecordKind kind, string recordId, CancellationToken ct)
    {
        var id = recordId?.Trim() ?? string.Empty;
        if (kind == IntegrityRecordKind.MetricSeries)
        {
            var colon = id.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && Guid.TryParse(id[..colon], out var pilot) && id.Length > colon + 1 ? await ProjectAsync(pilot, ct) : null;
        }

        if (!Guid.TryParse(id, out var guid))
        {
            return null;
        }

        Guid? projectId = kind switch
        {
            IntegrityRecordKind.Application or IntegrityRecordKind.Project => guid,
            IntegrityRecordKind.PeriodicReport => await db.PeriodicReports.Where(r => r.Id == guid).Select(r => (Guid?)r.ProjectId).SingleOrDefaultAsync(ct),
            IntegrityRecordKind.CorrectionOrder => await db.CorrectionOrders.Where(r => r.Id == guid).Select(r => (Guid?)r.ProjectId).SingleOrDefaultAsync(ct),
            IntegrityRecordKind.ToleratedDeviation => await db.ToleratedDeviations.Where(r => r.Id == guid).Select(r => (Guid?)r.ProjectId).SingleOrDefaultAsync(ct),
            IntegrityRecordKind.DisposalCase => await db.DisposalCases.Where(r => r.Id == guid).Select(r => (Guid?)r.ProjectId).SingleOrDefaultAsync(ct),
            IntegrityRecordKind.Alert => await db.Alerts.Where(r => r.Id == guid).Select(r => (Guid?)r.ProjectId).SingleOrDefaultAsync(ct),
            IntegrityRecordKind.ExpertAssignment => await db.ExpertAssignments.Where(r => r.Id == guid).Select(r => (Guid?)r.ProjectId).SingleOrDefaultAsync(ct),
            IntegrityRecordKind.PlanChange => await db.PlanChanges.Where(r => r.Id == guid).Select(r => (Guid?)r.ProjectId).SingleOrDefaultAsync(ct),
            IntegrityRecordKind.ExitCase => await db.ExitCases.Where(r => r.Id == guid).Select(r => (Guid?)r.ProjectId).SingleOrDefaultAsync(ct),
            _ => null,
        };
        return projectId is { } p ? await ProjectAsync(p, ct) : null;
    }

    private Task<IntegrityRecordPlace?> ProjectAsync(Guid projectId, CancellationToken ct) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new IntegrityRecordPlace(p.RegionId, p.Id, p.LeadOrganisationId, p.Title)).SingleOrDefaultAsync(ct);
}
