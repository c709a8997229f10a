using System.Security.Claims;
using FinPilot.Web.Features.Identity;

namespace FinPilot.Web.Features.Audit;

/// <summary>
/// Writes a signed-in caller's refused requests (403) into the audit trail, so the integrity officer
/// sees someone probing records they may not reach. At most one line per caller, method and path
/// within <see cref="Interval"/>, so a loop cannot flood the trail.
/// </summary>
public sealed class DeniedRequestAudit(RequestDelegate next, IServiceScopeFactory scopes, ILogger<DeniedRequestAudit> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const int MaxPathLength = 256;

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status403Forbidden
            || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        path = path.Length > MaxPathLength ? path[..MaxPathLength] : path;
        try
        {
            // A scope of its own: the refused request's unit of work must not be saved with the line.
            await using var scope = scopes.CreateAsyncScope();

            // Counted in the database, so a caller refused on several web nodes is written once.
            var counters = scope.ServiceProvider.GetRequiredService<ThrottleCounters>();
            if (!await counters.TryTakeAsync(ThrottleCounters.KeyOf("access-denied", $"{userId}\n{context.Request.Method}\n{path}"), 1, Interval))
            {
                return;
            }

            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await audit.WriteAsync(AuditActions.AccessDenied, AuditResource.Request, path, new { method = context.Request.Method, path }, actorId: userId, actorName: context.User.Identity?.Name);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "A refused request could not be written to the audit trail.");
        }
    }
}
