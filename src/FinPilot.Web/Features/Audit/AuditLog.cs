using System.Security.Claims;
using System.Text.Json;
using FinPilot.Web.Data;

namespace FinPilot.Web.Features.Audit;

/// <summary>
/// Writes the audit trail. <see cref="Record"/> adds the entry to the caller's unit of work so the
/// change and its audit line are saved together or not at all.
/// </summary>
public sealed class AuditLog(FinPilotDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Record(string action, string resourceType, string? resourceId, object? details = null, int? regionId = null, ClaimsPrincipal? actor = null, string? actorName = null)
    {
        var context = http.HttpContext;
        var principal = actor ?? context?.User;
        var actorId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        actorName ??= principal?.Identity?.Name;
        db.AuditEntries.Add(AuditEntry.Create(
            clock.GetUtcNow(),
            actorId,
            actorName,
            action,
            resourceType,
            resourceId,
            regionId,
            details is null ? null : JsonSerializer.Serialize(details, Json),
            context?.Connection.RemoteIpAddress?.ToString(),
            context?.Request.Headers.UserAgent.ToString()));
    }

    /// <summary>For events that are not part of another change (logins, denials): saved at once.</summary>
    public async Task WriteAsync(string action, string resourceType, string? resourceId, object? details = null, string? actorId = null, string? actorName = null, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        db.AuditEntries.Add(AuditEntry.Create(
            clock.GetUtcNow(),
            actorId ?? context?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            actorName ?? context?.User.Identity?.Name,
            action,
            resourceType,
            resourceId,
            null,
            details is null ? null : JsonSerializer.Serialize(details, Json),
            context?.Connection.RemoteIpAddress?.ToString(),
            context?.Request.Headers.UserAgent.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
