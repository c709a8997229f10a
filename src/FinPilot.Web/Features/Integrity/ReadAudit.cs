using FinPilot.Domain.Common;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Integrity;

/// <summary>
/// 查阅留痕: one call per detail read of a sensitive record (an application, a periodic report, a
/// metric series, a correction order, a disposal case), after the reader was allowed to read it. The
/// line is saved at once, apart from any change, and the integrity page lists it.
/// </summary>
public sealed class ReadAudit(AuditLog audit)
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
}
