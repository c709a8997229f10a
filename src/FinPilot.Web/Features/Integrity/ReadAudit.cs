using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Integrity;

/// <summary>
/// 查阅留痕: one call per detail read of a sensitive record (an application, a periodic report, a
/// metric series, a correction order, a disposal case), after the reader was allowed to read it. The
/// line is saved at once, apart from any change, and the integrity page lists it.
/// </summary>
public sealed class ReadAudit(AuditLog audit, IServiceScopeFactory scopes)
{
    /// <summary>The trail's resource type of each record kind that is read-audited, and back.</summary>
    public static readonly IReadOnlyDictionary<IntegrityRecordKind, AuditResource> Resources = new Dictionary<IntegrityRecordKind, AuditResource>
    {
        [IntegrityRecordKind.Application] = AuditResource.Project,
        [IntegrityRecordKind.PeriodicReport] = AuditResource.PeriodicReport,
        [IntegrityRecordKind.MetricSeries] = AuditResource.MetricSeries,
        [IntegrityRecordKind.CorrectionOrder] = AuditResource.CorrectionOrder,
        [IntegrityRecordKind.DisposalCase] = AuditResource.DisposalCase,
    };

    public static IntegrityRecordKind? KindOf(string resourceType) =>
        Resources.Where(r => r.Value.Name == resourceType).Select(r => (IntegrityRecordKind?)r.Key).FirstOrDefault();

    /// <summary>Runs the detail read and, when it succeeds (the reader was allowed), records it: one call wraps one read.</summary>
    public async Task<Result<T>> AfterAsync<T>(Task<Result<T>> read, IntegrityRecordKind kind, Func<T, (string Id, int? RegionId)> record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(record);
        var result = await read;
        if (result.Succeeded)
        {
            var (id, region) = record(result.Value);
            await RecordAsync(kind, id, region, ct);
        }

        return result;
    }

    public Task RecordAsync(IntegrityRecordKind kind, string recordId, int? regionId, CancellationToken ct = default) =>
        audit.WriteAsync(new AuditLine(IntegrityActions.RecordRead, Resources[kind], recordId, new { kind = kind.ToString() }, regionId), ct);

    /// <summary>
    /// Records a read through a database context of its own, for reads made where the request's
    /// context may hold changes not meant to be saved yet (a section of a page that also edits):
    /// writing the line there would save them with it. The reader is the request's user.
    /// </summary>
    public async Task RecordApartAsync(IntegrityRecordKind kind, string recordId, int? regionId, object? details = null, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var apart = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await apart.WriteAsync(new AuditLine(IntegrityActions.RecordRead, Resources[kind], recordId, details ?? new { kind = kind.ToString() }, regionId), ct);
    }

    /// <summary>
    /// 指标查阅留痕: a staff member read a pilot's metric series (all the plan's metrics at once):
    /// one line naming the pilot ("{projectId}:*") and the metrics, written apart from the request's changes.
    /// The institution reading its own series is not audited.
    /// </summary>
    public async Task MetricSeriesReadAsync(Guid projectId, IReadOnlyCollection<string> metricCodes, IEnumerable<Domain.Identity.RoleGrant> readerGrants, CancellationToken ct = default)
    {
        if (!readerGrants.Any(g => g.Role.IsStaff()))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var regionId = await scope.ServiceProvider.GetRequiredService<Data.FinPilotDbContext>().Projects.AsNoTracking()
            .Where(p => p.Id == projectId).Select(p => (int?)p.RegionId).SingleOrDefaultAsync(ct);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(new AuditLine(IntegrityActions.RecordRead, AuditResource.MetricSeries, $"{projectId}:*",
            new { kind = nameof(IntegrityRecordKind.MetricSeries), projectId, metrics = metricCodes }, regionId), ct);
    }
}
