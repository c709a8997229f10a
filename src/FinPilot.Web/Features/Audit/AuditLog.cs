using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FinPilot.Web.Data;

namespace FinPilot.Web.Features.Audit;

/// <summary>
/// Writes the audit trail. <see cref="Record"/> adds the entry to the caller's unit of work so the
/// change and its audit line are saved together or not at all.
/// </summary>
public sealed class AuditLog(FinPilotDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    // Details are read by people (the audit page shows them as stored): Chinese must stay Chinese,
    // not \uXXXX escapes. The encoder still escapes HTML-sensitive characters.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public void Record(AuditLine line) =>
        Record(line.Action, line.Resource, line.ResourceId, line.Details, line.RegionId, actorName: line.ActorName);

    public void Record(string action, AuditResource resource, string? resourceId, object? details = null, int? regionId = null, ClaimsPrincipal? actor = null, string? actorName = null) =>
        Record(action, resource.Name, resourceId, details, regionId, actor, actorName);

    private void Record(string action, string resourceType, string? resourceId, object? details = null, int? regionId = null, ClaimsPrincipal? actor = null, string? actorName = null)
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
    public Task WriteAsync(string action, AuditResource resource, string? resourceId, object? details = null, string? actorId = null, string? actorName = null, CancellationToken cancellationToken = default) =>
        WriteAsync(action, resource.Name, resourceId, details, actorId, actorName, cancellationToken: cancellationToken);

    /// <summary>As <see cref="WriteAsync(string, AuditResource, string?, object?, string?, string?, CancellationToken)"/>, for a line from <see cref="AuditLines"/> (a read: a download, a report opened).</summary>
    public Task WriteAsync(AuditLine line, CancellationToken cancellationToken = default) =>
        WriteAsync(line.Action, line.Resource.Name, line.ResourceId, line.Details, null, line.ActorName, line.RegionId, cancellationToken);

    private async Task WriteAsync(
        string action, string resourceType, string? resourceId, object? details = null, string? actorId = null, string? actorName = null,
        int? regionId = null, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        db.AuditEntries.Add(AuditEntry.Create(
            clock.GetUtcNow(),
            actorId ?? context?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            actorName ?? context?.User.Identity?.Name,
            action,
            resourceType,
            resourceId,
            regionId,
            details is null ? null : JsonSerializer.Serialize(details, Json),
            context?.Connection.RemoteIpAddress?.ToString(),
            context?.Request.Headers.UserAgent.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
