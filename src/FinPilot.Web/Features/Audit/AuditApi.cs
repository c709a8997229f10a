using FinPilot.Domain.Identity;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Audit;

public static class AuditApi
{
    public sealed record AuditEntryDto(long Id, DateTimeOffset At, string? ActorId, string? ActorName, string Action, string ResourceType, string? ResourceId, int? RegionId, string? Details, string? IpAddress);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/audit", "Audit")
            .MapGet("/", Search)
            .WithName("SearchAudit")
            .WithSummary("The audit trail, newest first (platform administrators and integrity officers).");
        return app;
    }

    private static async Task<Results<Ok<Page<AuditEntryDto>>, ProblemHttpResult>> Search(
        string? action, string? resourceType, string? resourceId, string? actor, int? page, int? pageSize,
        CurrentUser current, AuditQuery audit, CancellationToken ct)
    {
        if (!(await current.GrantsAsync(ct)).CanReadAudit())
        {
            return Problems.Denied();
        }

        var found = await audit.SearchAsync(new AuditFilter(action, resourceType, resourceId, actor, page, pageSize), ct);
        var items = found.Items.Select(e => new AuditEntryDto(e.Id, e.At, e.ActorId, e.ActorName, e.Action, e.ResourceType, e.ResourceId, e.RegionId, e.Details, e.IpAddress)).ToList();
        return TypedResults.Ok(new Page<AuditEntryDto>(items, found.PageNumber, found.PageSize, found.Total));
    }
}
