using System.Net;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Audit;

public sealed class DeniedRequestAuditTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_refused_request_on_a_record_is_audited_once_a_minute_per_caller_and_path(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var target = (await app.CreateUserAsync($"target.{Guid.NewGuid():N}@example.cn", Role.Expert)).User;
        var prober = $"prober.{Guid.NewGuid():N}@example.cn";
        var proberId = (await app.CreateUserAsync(prober, Role.Expert)).User.Id;
        using var api = await app.ApiClientAsync(prober);
        var path = $"/api/v1/users/{target.Id}/unlock";

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var denied = await api.PostAsync(path, new { });
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var afterBurst = await LinesAsync(app, proberId);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        using var later = await api.PostAsync(path, new { });
        using var allowed = await api.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        var line = Assert.Single(afterBurst);
        Assert.Equal(AuditResource.Request.Name, line.ResourceType);
        Assert.Equal(path, line.ResourceId);
        Assert.Equal(prober, line.ActorName);
        Assert.Contains("POST", line.Details, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, later.StatusCode);
        await allowed.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await LinesAsync(app, proberId)).Count);
    }

    private static Task<List<AuditEntry>> LinesAsync(FinPilotApp app, string actorId) =>
        app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.AccessDenied && e.ActorId == actorId).ToListAsync());
}
