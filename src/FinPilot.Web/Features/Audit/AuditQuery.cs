using FinPilot.Web.Data;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Audit;

public sealed record AuditFilter(string? Action = null, string? ResourceType = null, string? ResourceId = null, string? Actor = null, int? Page = null, int? PageSize = null);

/// <summary>Reads the trail, newest first. Callers check the reader's right (<c>CanReadAudit</c>) first.</summary>
public sealed class AuditQuery(FinPilotDbContext db)
{
    public async Task<Page<AuditEntry>> SearchAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action.StartsWith(filter.Action.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.ResourceType))
        {
            query = query.Where(e => e.ResourceType == filter.ResourceType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.ResourceId))
        {
            query = query.Where(e => e.ResourceId == filter.ResourceId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.ActorId == actor || e.ActorName!.Contains(actor));
        }

        var (number, size) = Page<AuditEntry>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<AuditEntry>(items, number, size, total);
    }
}
